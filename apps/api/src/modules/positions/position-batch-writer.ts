import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { PositionInput } from '@lintas/contracts';
import { retryOnTransientConflict } from '../../common/pg-errors';
import { TransactionService } from '../../database/transaction.service';
import { PositionBus } from './position-bus';
import type { TeamMarking } from './position.mapper';
import { PositionsRepository } from './positions.repository';

export interface LivePosition {
  leadAgencyId: string;
  team: TeamMarking;
  position: PositionInput;
}

interface Waiting extends LivePosition {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** At most this many positions go into one transaction; the rest wait for the next. */
export const MAX_POSITION_BATCH = 2000;

/**
 * Live positions arrive one by one, many a second; writing each in its own transaction would cost a
 * commit per point. Group commit: when no batch is in flight, what has arrived is written at once
 * (after the current turn of the event loop, so a burst read from one socket packet goes together);
 * while a batch is in flight, new positions gather and are written as the next batch the moment it
 * commits. An idle system acknowledges in one round of transactions, a busy one writes multi-row
 * batches, and there is never more than one batch (of at most `MAX_POSITION_BATCH`) in flight.
 * Each `write()` resolves when its batch has COMMITTED, so an acknowledgement always means "stored".
 */
@Injectable()
export class PositionBatchWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PositionBatchWriter.name);
  private queue: Waiting[] = [];
  /** The batch being written (or about to be); null when idle. */
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly transactions: TransactionService,
    private readonly repository: PositionsRepository,
    private readonly bus: PositionBus,
  ) {}

  write(item: LivePosition): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...item, resolve, reject });
      this.inFlight ??= this.drain();
    });
  }

  /** Before the database closes: positions waiting for their batch are written, not dropped. */
  async beforeApplicationShutdown(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** Writes batches one after the other until the queue is empty, then goes idle. */
  private async drain(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_POSITION_BATCH);
        await this.writeBatch(batch);
      }
    } finally {
      this.inFlight = null;
    }
  }

  private async writeBatch(batch: Waiting[]): Promise<void> {
    try {
      await this.store(batch);
      for (const item of batch) item.resolve();
    } catch (error) {
      if (batch.length === 1) {
        this.logger.warn(`a position of team ${batch[0].team.id} was not stored: ${messageOf(error)}`);
        batch[0].reject(error);
        return;
      }
      // One bad position (its team deleted meanwhile) must not cost the others theirs: retry alone.
      this.logger.warn(`a batch of ${batch.length} positions failed (${messageOf(error)}); retrying them one by one`);
      for (const item of batch) {
        await this.store([item]).then(item.resolve, item.reject);
      }
    }
  }

  /**
   * A batch PostgreSQL rolled back as the losing side of a deadlock (the team row is locked before
   * the insert takes its KEY SHARE on the operation row, which a team write holds FOR UPDATE before
   * it updates the team) is tried again: storing positions is idempotent.
   */
  private store(batch: readonly Waiting[]): Promise<void> {
    return retryOnTransientConflict(
      () => this.storeOnce(batch),
      (error) => this.logger.warn(`a batch of ${batch.length} position(s) lost a lock race (${messageOf(error)}); trying again`),
    );
  }

  private async storeOnce(batch: readonly Waiting[]): Promise<void> {
    await this.transactions.run(async (tx) => {
      const result = await this.repository.store(
        tx.manager,
        batch.map((item) => ({ teamId: item.team.id, operationId: item.team.operationId, position: item.position })),
      );
      tx.afterCommit(() => {
        const byTeam = new Map(batch.map((item) => [item.team.id, item]));
        for (const position of result.latest) {
          const item = byTeam.get(position.teamId);
          if (item) this.bus.publish({ leadAgencyId: item.leadAgencyId, team: item.team, position });
        }
      });
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
