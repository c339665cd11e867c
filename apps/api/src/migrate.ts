import 'reflect-metadata';
import { bootstrapLogger } from './bootstrap-logger';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { openDatabaseServer } from './database/database-server';

/** `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded PostgreSQL. */
async function migrate(): Promise<void> {
  const log = bootstrapLogger();
  const config = loadConfig();
  const database = await openDatabaseServer(
    config,
    (message) => log.info(message),
    (message) => log.debug(message),
  );
  try {
    const applied = await runMigrations(database.url);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await database.close();
  }
}

migrate().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `Migration failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
