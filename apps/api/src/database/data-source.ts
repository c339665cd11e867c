import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * The connection pool. A new PostgreSQL backend costs a process start and cold catalogue caches:
 * opened in the middle of a burst (pg's default closes a connection idle for 10 s, so a quiet
 * minute shrank the pool to one), it stalled every request of that burst (document checks at
 * 100/s waited up to 0.6 s while the pool grew back to 20). `min` connections are kept however
 * long they idle, and `PoolWarmer` opens them at start.
 */
export const POOL = { max: 20, min: 6, idleTimeoutMillis: 60_000 } as const;

/**
 * TypeORM options shared by the application and the migration command. The schema is changed only
 * by migrations; `synchronize` stays off.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    // READ COMMITTED set once per connection (it is PostgreSQL's default; an operator's own default
    // does not apply): `TransactionService.run` then begins a write in one round trip instead of two.
    extra: { ...POOL, application_name: 'lintas-api', options: '-c default_transaction_isolation=read\\ committed' },
  };
}

/** Apply every pending migration; answers the names of those applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
