export function App() {
  return <main>Lintas</main>;
}
