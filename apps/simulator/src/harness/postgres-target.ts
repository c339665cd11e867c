import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { requireLocalUrl } from './local-url';

/**
 * Which PostgreSQL server a started API uses, by the same rule as the API's integration tests:
 * DATABASE_URL when set, else the server at 127.0.0.1:5432 when one answers, else none — and the
 * API then starts its own embedded PostgreSQL in a fresh data folder.
 */
export const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export type PostgresTarget =
  | { kind: 'server'; /** URL of the fresh database made for this run. */ databaseUrl: string; drop(): Promise<void> }
  | { kind: 'embedded' };

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

/** A fresh, empty database on the chosen server (the API creates it and runs the migrations). */
export async function freshPostgresTarget(env: NodeJS.ProcessEnv = process.env): Promise<PostgresTarget> {
  const serverUrl = env.DATABASE_URL ?? ((await answers(LOCAL_SERVER_URL)) ? LOCAL_SERVER_URL : null);
  if (!serverUrl) return { kind: 'embedded' };
  requireLocalUrl(serverUrl.replace(/^postgres(ql)?:/, 'http:'), 'DATABASE_URL');
  const name = `lintas_sim_${process.pid}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl, name);
  return {
    kind: 'server',
    databaseUrl,
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
