export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __lintasE2eServer?: { cleanup: () => Promise<void> } }).__lintasE2eServer;
  await server?.cleanup();
}
