import { Injectable } from '@nestjs/common';
import type { MarkingVisibility, OperationEvent } from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import type { WriteTransaction } from '../../database/transaction.service';
import { EventLogRepository, type NewEvent } from './event-log.repository';
import { OperationEventBus } from './operation-event-bus';

/** Appends to the operation event log inside a write, and publishes the event once it is committed. */
@Injectable()
export class EventLogService {
  constructor(
    private readonly repository: EventLogRepository,
    private readonly bus: OperationEventBus,
  ) {}

  /**
   * Appends an event inside the write; the operation's seq lock is then held until the write's
   * COMMIT. For a write that appends several events; otherwise use `appendLast`.
   */
  async append(tx: WriteTransaction, event: NewEvent): Promise<OperationEvent> {
    const stored = await this.repository.append(tx.manager, event);
    tx.afterCommit(() => this.bus.publish(stored));
    return stored;
  }

  /**
   * Appends the write's event as its LAST statement and commits with it, in one round trip, so
   * that the seq lock is held only while PostgreSQL stores the event and commits, never across a
   * turn of the API's event loop. Nothing may be sent on `tx` afterwards (it would throw); hooks
   * registered with `tx.afterCommit` still run when the write returns.
   */
  async appendLast(tx: WriteTransaction, event: NewEvent): Promise<OperationEvent> {
    const commitWith = tx.commitWith;
    if (!commitWith) return this.append(tx, event);
    const stored = await this.repository.appendAndCommit({ commitWith }, event);
    tx.afterCommit(() => this.bus.publish(stored));
    return stored;
  }

  /** `manager`: read inside the caller's transaction (a consistent snapshot), else on its own. */
  listSince(operationId: string, sinceSeq: number, visibility: MarkingVisibility, limit = 500, manager?: EntityManager): Promise<OperationEvent[]> {
    return this.repository.listSince(operationId, sinceSeq, visibility, limit, manager);
  }

  lastSeq(operationId: string, manager?: EntityManager): Promise<number> {
    return this.repository.lastSeq(operationId, manager);
  }
}
