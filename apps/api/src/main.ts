import 'reflect-metadata';
import { createApp } from './app.factory';
import { bootstrapLogger } from './bootstrap-logger';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { openDatabaseServer } from './database/database-server';
import { runStartupTasks } from './startup-tasks';

async function main(): Promise<void> {
  const log = bootstrapLogger();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await openDatabaseServer(
    config,
    (message) => log.info(message),
    (message) => log.debug(message),
  );
  const applied = await runMigrations(database.url);
  if (applied.length) log.info({ applied }, 'migrations applied');

  const app = await createApp(config, database.url);
  await runStartupTasks(app, config, log);
  await app.listen(config.port, config.host);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`${signal}: shutting down`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = `http://localhost:${config.port}`;
  console.log(`\n  Lintas is running at ${address}  (API docs: ${address}/api/docs)\n`);
}

main().catch((error) => {
  console.error('Lintas failed to start:', error instanceof Error ? error.message : JSON.stringify(error));
  process.exit(1);
});
