import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MarkingVisibility, OperationEvent, OperationEventData, Marking } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';

interface EventRow {
  operation_id: string;
  seq: string;
  type: string;
  at: Date;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  marking: Marking;
  origin_agency_id: string;
  recipient_agency_ids: string[];
  payload: Record<string, unknown>;
}

export interface NewEvent {
  operationId: string;
  /** Or a function of the event's seq, for payloads that carry it (a report's `version`). */
  data: OperationEventData | ((seq: number) => OperationEventData);
  actor: { userId: string; agencyId: string } | null;
  marking: Marking;
  originAgencyId: string;
  recipientAgencyIds: readonly string[];
}

@Injectable()
export class EventLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the operation's next sequence number and stores the event, inside the caller's
   * transaction. The UPDATE locks the operation row until COMMIT, so concurrent writers to one
   * operation get 1, 2, 3… with no gap, and a rollback gives its number back.
   */
  async append(manager: EntityManager, event: NewEvent): Promise<OperationEvent> {
    const [[counter]] = (await manager.query('UPDATE operations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq', [
      event.operationId,
    ])) as [[{ last_seq: string }], number];
    const data = typeof event.data === 'function' ? event.data(Number(counter.last_seq)) : event.data;
    const { type, ...payload } = data;
    const [row] = (await manager.query(
      `INSERT INTO operation_events (operation_id, seq, type, actor_user_id, actor_agency_id, marking, origin_agency_id, recipient_agency_ids, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        event.operationId,
        counter.last_seq,
        type,
        event.actor?.userId ?? null,
        event.actor?.agencyId ?? null,
        event.marking,
        event.originAgencyId,
        event.recipientAgencyIds,
        payload,
      ],
    )) as EventRow[];
    return toOperationEvent(row);
  }

  /** Events after `sinceSeq` that the viewer may see, in sequence order. */
  async listSince(
    operationId: string,
    sinceSeq: number,
    visibility: MarkingVisibility,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OperationEvent[]> {
    const params: unknown[] = [operationId, sinceSeq, limit];
    const rows = (await manager.query(
      `SELECT * FROM operation_events
        WHERE operation_id = $1 AND seq > $2 AND ${markingCondition(visibility, params)}
        ORDER BY seq
        LIMIT $3`,
      params,
    )) as EventRow[];
    return rows.map(toOperationEvent);
  }

  async lastSeq(operationId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = (await manager.query('SELECT last_seq FROM operations WHERE id = $1', [operationId])) as { last_seq: string }[];
    return row ? Number(row.last_seq) : 0;
  }
}

function toOperationEvent(row: EventRow): OperationEvent {
  return {
    ...(row.payload as object),
    type: row.type,
    operationId: row.operation_id,
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actor: row.actor_user_id ? { userId: row.actor_user_id, agencyId: row.actor_agency_id ?? '' } : null,
    marking: row.marking,
    originAgencyId: row.origin_agency_id,
    recipientAgencyIds: row.recipient_agency_ids,
  } as OperationEvent;
}
