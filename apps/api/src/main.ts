import 'reflect-metadata';
import { createApp } from './app.factory';
import { bootstrapLogger } from './bootstrap-logger';
import { ConfigError, loadConfig } from './config/config';
import { runMigrations } from './database/data-source';
import { openDatabaseServer } from './database/database-server';
import { installProcessSafetyNet } from './process-safety-net';
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

  let closing: Promise<void> | null = null;
  const close = (reason: string) => {
    closing ??= (async () => {
      log.info(`${reason}: shutting down`);
      await app.close();
      await database.close();
    })();
    return closing;
  };
  installProcessSafetyNet(log, close);
  process.once('SIGINT', () => void close('SIGINT').then(() => process.exit(0)));
  process.once('SIGTERM', () => void close('SIGTERM').then(() => process.exit(0)));

  const address = `http://localhost:${config.port}`;
  console.log(`\n  Lintas is running at ${address}  (API docs: ${address}/api/docs)\n`);
}

main().catch((error) => {
  console.error('Lintas failed to start:', error instanceof Error ? error.message : JSON.stringify(error));
  process.exit(1);
});
