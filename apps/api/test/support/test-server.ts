import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/database/embedded-postgres';

/**
 * Which PostgreSQL server the tests use: DATABASE_URL when set, else the server at
 * 127.0.0.1:5432 when one answers, else an embedded one started for this run.
 */
export const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function resolveTestServer(
  localServerUrl = LOCAL_SERVER_URL,
): Promise<{ url: string; embedded: EmbeddedServer | null; cleanup: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: null, cleanup: async () => undefined };
  if (await answers(localServerUrl)) return { url: localServerUrl, embedded: null, cleanup: async () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'lintas-test-pg-'));
  // mkdtemp makes a mode-700 folder; as root the server runs as `postgres`, which must enter it.
  chmodSync(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dir: join(dir, 'pg'), port: 55432 });
  return {
    url: embedded.serverUrl,
    embedded,
    cleanup: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
