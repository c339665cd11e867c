import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClientBase, QueryResult } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, type DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/**
 * One write = one transaction. Work inside it uses `tx.manager`; anything that must only happen
 * once the change is durable (publishing events to live viewers) is registered with
 * `tx.afterCommit` and runs after COMMIT, never after a rollback.
 */
export interface WriteTransaction {
  readonly manager: EntityManager;
  afterCommit(hook: () => void): void;
  /**
   * Runs `statement` and COMMIT in ONE round trip (one simple-protocol query: the statement's
   * values must be written into it as escaped literals) and answers the statement's rows. The
   * transaction ends with it: a lock the statement takes is released by the server at COMMIT,
   * without waiting for the API to read the statement's answer. Any later statement on `manager`
   * throws. Absent on transactions that are not `TransactionService.run`'s (their caller commits).
   */
  commitWith?(statement: string): Promise<Record<string, unknown>[]>;
}

export class StatementAfterCommitError extends Error {
  constructor() {
    super('A statement was sent after the transaction was committed by its last statement (commitWith)');
    this.name = 'StatementAfterCommitError';
  }
}

@Injectable()
export class TransactionService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
    const hooks: (() => void)[] = [];
    const runner = this.dataSource.createQueryRunner();
    let committed = false;
    guardAfterCommit(runner, () => committed);
    const tx: WriteTransaction = {
      manager: runner.manager,
      afterCommit: (hook) => hooks.push(hook),
      commitWith: async (statement) => {
        if (committed) throw new StatementAfterCommitError();
        // As `runner.query` does: a runner whose connection broke was released (a 503, not a 500).
        if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
        const client = (await runner.connect()) as ClientBase;
        let results: QueryResult | QueryResult[];
        try {
          results = (await client.query(`${statement};\nCOMMIT`)) as unknown as QueryResult | QueryResult[];
        } catch (error) {
          // As TypeORM reports its own queries' failures (the API's error mapping reads `driverError`).
          throw new QueryFailedError(statement, undefined, error as Error);
        }
        committed = true;
        return (Array.isArray(results) ? results[0] : results).rows as Record<string, unknown>[];
      },
    };
    let result: T;
    try {
      // READ COMMITTED, each connection's default (data-source.ts): one round trip (with the level given, TypeORM sends two).
      await runner.startTransaction();
      result = await work(tx);
      if (!committed) {
        await runner.commitTransaction();
        committed = true;
      }
    } catch (error) {
      // Also after a failed `commitWith`: its statement failed (the transaction is aborted) or its
      // COMMIT did (the transaction is over; ROLLBACK then only warns). A broken connection refuses both.
      if (!committed && runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
      // What was committed is published, even if the work failed after `commitWith` (a bug).
      if (committed) for (const hook of hooks) hook();
    }
    return result;
  }

  /**
   * Work that needs no transaction (reads, a single-statement write) on ONE pooled connection, its
   * queries sent one after the other (a connection runs one at a time; queuing a second on it is
   * deprecated in pg 8 and gone in pg 9). A request that sent its five reads at once to the pool
   * took five connections for a few milliseconds each; at 100 requests/s the pool then ran out in
   * every burst and grew new PostgreSQL backends while requests waited.
   */
  async withConnection<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await work(runner.manager);
    } finally {
      await runner.release();
    }
  }

  /**
   * Several reads that must agree with each other (a snapshot and the event seq it is consistent
   * with): one REPEATABLE READ, read-only transaction, so every query sees the same committed state.
   * It is begun in one statement: TypeORM's `startTransaction` sends three (START TRANSACTION, SET
   * TRANSACTION ISOLATION LEVEL, then READ ONLY), and on a busy machine every round trip to
   * PostgreSQL waits for the backend to be scheduled.
   */
  async read<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      let result: T;
      try {
        result = await work(runner.manager);
      } catch (error) {
        // A broken connection refuses ROLLBACK too: the work's own error is the one to report.
        await runner.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      await runner.query('COMMIT');
      return result;
    } finally {
      await runner.release();
    }
  }
}

/**
 * After `commitWith`, a statement on the transaction's runner would run on its own, outside any
 * transaction: it is refused instead (a programming error, caught by the tests).
 */
function guardAfterCommit(runner: QueryRunner, committed: () => boolean): void {
  const query = runner.query.bind(runner) as QueryRunner['query'];
  runner.query = ((...args: Parameters<QueryRunner['query']>) =>
    committed() ? Promise.reject(new StatementAfterCommitError()) : query(...args)) as QueryRunner['query'];
}
