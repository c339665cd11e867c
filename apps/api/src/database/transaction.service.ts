import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * One write = one transaction. Work inside it uses `tx.manager`; anything that must only happen
 * once the change is durable (publishing events to live viewers) is registered with
 * `tx.afterCommit` and runs after COMMIT, never after a rollback.
 */
export interface WriteTransaction {
  readonly manager: EntityManager;
  afterCommit(hook: () => void): void;
}

@Injectable()
export class TransactionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const hooks: (() => void)[] = [];
    const result = await this.dataSource.transaction('READ COMMITTED', (manager) =>
      work({ manager, afterCommit: (hook) => hooks.push(hook) }),
    );
    for (const hook of hooks) hook();
    return result;
  }

  /**
   * Several reads that must agree with each other (a snapshot and the event seq it is consistent
   * with): one REPEATABLE READ, read-only transaction, so every query sees the same committed state.
   */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }
}
