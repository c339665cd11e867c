import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier, withDatabase } from '../../src/database/database-url';
import { runMigrations } from '../../src/database/data-source';

/** A freshly created database with every migration applied, dropped by `drop()`. */
export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.LINTAS_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('LINTAS_TEST_SERVER_URL is not set: run through jest.integration.cjs');
  const name = `lintas_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  const url = withDatabase(serverUrl, name);
  await runMigrations(url);
  return {
    url,
    name,
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
