import type { AppConfig } from '../config/config';
import { ensureDatabaseExists, withDatabase } from './database-url';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server, if one was started. */
  close(): Promise<void>;
}

/** DATABASE_URL when it is set; otherwise the embedded PostgreSQL in the data folder. */
export async function openDatabaseServer(
  config: AppConfig,
  log: (message: string) => void,
  debugLog: (message: string) => void = () => undefined,
): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await ensureDatabaseExists(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  }
  log(`No DATABASE_URL: starting the embedded PostgreSQL in ${config.embeddedPostgres.dir}`);
  const server = await startEmbeddedPostgres({ ...config.embeddedPostgres, log: debugLog });
  const url = withDatabase(server.serverUrl, 'lintas');
  await ensureDatabaseExists(url);
  return { url, embedded: true, close: () => server.stop() };
}
