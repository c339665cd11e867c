import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresServer, freePort } from '@lintas/testing';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/database/embedded-postgres';

/**
 * The PostgreSQL server of an integration run: the shared rule of `@lintas/testing`
 * (DATABASE_URL, else 127.0.0.1:5432 when it answers); with neither, an embedded one started here
 * for this run with the API's own starter (the library cannot import the API's src).
 */
export async function resolveTestServer(localUrl?: string): Promise<{ url: string; embedded: EmbeddedServer | null; cleanup: () => Promise<void> }> {
  const server = await findPostgresServer(process.env, localUrl);
  if (server) return { url: server.url, embedded: null, cleanup: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'lintas-test-pg-'));
  // mkdtemp makes a mode-700 folder; as root the server runs as `postgres`, which must enter it.
  chmodSync(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: await freePort() });
  return {
    url: embedded.serverUrl,
    embedded,
    cleanup: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
