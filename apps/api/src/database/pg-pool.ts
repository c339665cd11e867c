import type { EventEmitter } from 'node:events';
import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** pg's pool with the list of its open clients, which pg keeps but does not type. */
export type PgPool = Pool & { _clients?: Array<PoolClient & EventEmitter> };

/**
 * The `pg` pool under TypeORM's PostgreSQL driver (its `master`, typed `any` by TypeORM), for the
 * few jobs TypeORM does not do: warming connections up and guarding them. Undefined before the
 * data source is initialised or with another driver.
 */
export function pgPoolOf(dataSource: DataSource): PgPool | undefined {
  return (dataSource.driver as PostgresDriver).master as PgPool | undefined;
}
