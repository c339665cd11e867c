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

  async append(tx: WriteTransaction, event: NewEvent): Promise<OperationEvent> {
    const stored = await this.repository.append(tx.manager, event);
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
