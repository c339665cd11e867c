import { scratchDatabase } from '@lintas/testing';
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
  const database = await scratchDatabase(serverUrl, 'lintas_test', { create: true });
  await runMigrations(database.url);
  return database;
}
