import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEmitter } from 'node:events';
import type { DataSource } from 'typeorm';
import { pgPoolOf } from './pg-pool';

/**
 * Keeps a dropped PostgreSQL connection from ending the process. A pooled `pg` client emits
 * 'error' when its server terminates it (`57P01`, a restart, a cut link); TypeORM listens only while
 * a query runner holds the client and removes its listener as it releases the broken client, and
 * the second 'error' of the same failure (socket reset after the termination notice) then has no
 * listener: Node turns that into an uncaught exception. Every client gets a listener of its own for
 * its whole life; the request that was using it fails on its own query and answers 503.
 */
@Injectable()
export class PoolGuard implements OnModuleInit {
  private readonly logger = new Logger('Database');
  private lastMessage = '';

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const pool = pgPoolOf(this.dataSource);
    if (!pool) return;
    const guard = (client: EventEmitter) => client.on('error', (error: Error) => this.log(error));
    for (const client of pool._clients ?? []) guard(client);
    pool.on('connect', guard);
  }

  private log(error: Error): void {
    const message = `a pooled connection failed (it is replaced): ${error.message}`;
    if (message !== this.lastMessage) this.logger.warn(message);
    this.lastMessage = message;
  }
}
