import { resolveTestServer } from './test-server';

/** Picks the PostgreSQL server once for the whole run; workers read it from the environment. */
export default async function globalSetup(): Promise<void> {
  const server = await resolveTestServer();
  process.env.LINTAS_TEST_SERVER_URL = server.url;
  (globalThis as { __lintasTestServer?: typeof server }).__lintasTestServer = server;
  console.log(`\n[integration] PostgreSQL: ${server.embedded ? 'embedded, started for this run' : new URL(server.url).host}`);
}
