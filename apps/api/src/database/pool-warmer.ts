import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { POOL } from './data-source';
import { pgPoolOf } from './pg-pool';

/**
 * Opens the pool's `min` connections when the API starts, so that the first burst of writes does
 * not wait for PostgreSQL backends to start (see `POOL`). A failure only means the pool grows on
 * demand, as before: it is logged, never fatal.
 */
@Injectable()
export class PoolWarmer implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const pool = pgPoolOf(this.dataSource);
    if (!pool) return;
    const missing = Math.max(0, POOL.min - pool.totalCount);
    const clients = await Promise.allSettled(Array.from({ length: missing }, () => pool.connect()));
    for (const client of clients) if (client.status === 'fulfilled') client.value.release();
    const failed = clients.find((client) => client.status === 'rejected');
    if (failed) this.logger.warn(`the connection pool could not be warmed up: ${String((failed as PromiseRejectedResult).reason)}`);
  }
}
