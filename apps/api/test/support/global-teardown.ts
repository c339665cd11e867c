export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __lintasTestServer?: { cleanup: () => Promise<void> } }).__lintasTestServer;
  await server?.cleanup();
}
