import { existsSync } from 'node:fs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the API's server rule, reused by path (see lintas.ts)
import { resolveTestServer } from '../../../api/test/support/test-server';
import { chromiumPath } from './browser';

type Server = Awaited<ReturnType<typeof resolveTestServer>>;

/** One PostgreSQL server for the whole run, as for the API's integration tests; every `startLintas()` makes its own database on it. */
export default async function globalSetup(): Promise<void> {
  if (!existsSync(chromiumPath())) return; // the browser suites skip (or fail, in CI) without touching a database
  const server = await resolveTestServer();
  process.env.LINTAS_TEST_SERVER_URL = server.url;
  (globalThis as { __lintasE2eServer?: Server }).__lintasE2eServer = server;
  console.log(`\n[e2e] PostgreSQL: ${server.embedded ? 'embedded, started for this run' : new URL(server.url).host}`);
}
