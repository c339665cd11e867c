import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { PositionInput } from '@lintas/contracts';
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

/** How long live positions are gathered before they are written together. */
export const POSITION_BATCH_MS = 150;
/** A batch larger than this is written at once instead of waiting for the timer. */
const MAX_BATCH = 2000;

/**
 * Live positions arrive one by one, many a second; writing each in its own transaction would cost a
 * commit per point. They are gathered for `POSITION_BATCH_MS` and written in one transaction (one
 * multi-row INSERT, one UPDATE of the teams' latest positions); each `write()` resolves when its
 * batch has COMMITTED, so an acknowledgement always means "stored". Batches run one at a time.
 */
@Injectable()
export class PositionBatchWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PositionBatchWriter.name);
  private queue: Waiting[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly transactions: TransactionService,
    private readonly repository: PositionsRepository,
    private readonly bus: PositionBus,
  ) {}

  write(item: LivePosition): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...item, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.flushSoon(0);
      else this.flushSoon(POSITION_BATCH_MS);
    });
  }

  /** Before the database closes: positions waiting for their batch are written, not dropped. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private flushSoon(delayMs: number): void {
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, delayMs);
  }

  /** Chains after the batch in flight, so that batches never overlap. */
  private flush(): Promise<void> {
    this.running = this.running.then(() => this.writeBatch());
    return this.running;
  }

  private async writeBatch(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
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

  private async store(batch: readonly Waiting[]): Promise<void> {
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
