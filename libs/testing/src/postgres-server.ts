import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * Which PostgreSQL server tests and tools use — one rule for all of them:
 * DATABASE_URL when set, else the server at 127.0.0.1:5432 when one answers, else none.
 * "None" is the caller's to settle: the API's integration tests start an embedded server with the
 * API's own starter, and a spawned API given no DATABASE_URL starts its own embedded one.
 */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PostgresServer {
  /** URL of the server's maintenance database (`postgres`). */
  url: string;
  /** Where it came from, for the line a run prints. */
  source: 'DATABASE_URL' | 'local';
}

/** `localUrl` is only for the spec that plays a machine without PostgreSQL (an address nothing answers at). */
export async function findPostgresServer(env: NodeJS.ProcessEnv = process.env, localUrl = LOCAL_POSTGRES_URL): Promise<PostgresServer | null> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, source: 'DATABASE_URL' };
  if (await postgresAnswers(localUrl)) return { url: localUrl, source: 'local' };
  return null;
}

export async function postgresAnswers(url: string): Promise<boolean> {
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

/** Replace the database name of a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A database name no other run on this server uses, e.g. `lintas_test_4242_9f2c01ab`. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A database of its own on `serverUrl`, and how to drop it again. */
export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * Names a fresh database on the server. `create: true` creates it (empty); otherwise whoever
 * gets the URL creates it (the API does, with its migrations, when it starts).
 */
export async function scratchDatabase(serverUrl: string, prefix: string, options: { create?: boolean } = {}): Promise<ScratchDatabase> {
  const name = uniqueDatabaseName(prefix);
  if (options.create) await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
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

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
