import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MarkingVisibility, OperationEvent, OperationEventData, Marking } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';
import { withLiterals } from '../../database/sql-literals';
import type { WriteTransaction } from '../../database/transaction.service';

export interface EventRow {
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
  data: OperationEventData;
  actor: { userId: string; agencyId: string } | null;
  marking: Marking;
  originAgencyId: string;
  recipientAgencyIds: readonly string[];
  /**
   * The event carries this report at the event's own seq: `payload.report.version` and the report
   * row's `version` are set to the seq in the statement that takes it.
   */
  reportVersionOf?: string;
  /** The same for a task or a request between agencies: `payload.task.version` / `payload.request.version` and the row's `version`. */
  itemVersionOf?: { kind: 'task' | 'request' | 'watchedArea'; id: string };
}

/** The tables whose rows carry their latest event's seq as `version`, by payload key (a closed list: these go into SQL). */
const VERSIONED = { report: 'reports', task: 'tasks', request: 'agency_requests', watchedArea: 'watched_areas' } as const;

@Injectable()
export class EventLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the operation's next sequence number and stores the event, inside the caller's
   * transaction, in ONE statement. The UPDATE locks the operation row until COMMIT, so concurrent
   * writers to one operation get 1, 2, 3… with no gap, and a rollback gives its number back. Call it
   * as the last statement before COMMIT — or, better, use `appendAndCommit`: here the lock is held
   * until the API has read this statement's answer and sent COMMIT (one turn of its event loop).
   */
  async append(manager: EntityManager, event: NewEvent): Promise<OperationEvent> {
    const { sql, params } = appendStatement(event);
    const rows = (await manager.query(sql, params)) as EventRow[];
    return storedEvent(event, rows);
  }

  /**
   * `append` as the write's last statement, sent with the COMMIT in one round trip: the seq lock is
   * released by the server right after the event is stored, however long the API takes to read
   * the answer. The values go into the statement as escaped literals (the simple query protocol,
   * the only one that takes two statements at once, has no parameters).
   */
  async appendAndCommit(tx: Required<Pick<WriteTransaction, 'commitWith'>>, event: NewEvent): Promise<OperationEvent> {
    const { sql, params } = appendStatement(event);
    const rows = (await tx.commitWith(withLiterals(sql, params))) as unknown as EventRow[];
    return storedEvent(event, rows);
  }

  /**
   * Events after `sinceSeq` that the viewer may see, in sequence order. A report event names its
   * team only when the viewer may see the team under the team's current marking (as the REST reads
   * of reports do): otherwise its `report.teamId` reads as null.
   */
  async listSince(
    operationId: string,
    sinceSeq: number,
    visibility: MarkingVisibility,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<OperationEvent[]> {
    const params: unknown[] = [operationId, sinceSeq, limit];
    const eventVisible = markingCondition(visibility, params, 'e');
    const teamVisible = markingCondition(visibility, params, 't');
    const rows = (await manager.query(
      `SELECT e.operation_id, e.seq, e.type, e.at, e.actor_user_id, e.actor_agency_id, e.marking, e.origin_agency_id, e.recipient_agency_ids,
              CASE WHEN t.id IS NULL OR ${teamVisible} THEN e.payload
                   ELSE jsonb_set(e.payload, '{report,teamId}', 'null'::jsonb) END AS payload
         FROM operation_events e
         LEFT JOIN teams t ON e.type IN ('report.created', 'report.updated') AND t.id = (e.payload #>> '{report,teamId}')::uuid
        WHERE e.operation_id = $1 AND e.seq > $2 AND ${eventVisible}
        ORDER BY e.seq
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

/**
 * The statement that takes the seq and stores the event (and the versioned row's version). Without
 * the operation there is no seq: the row then has a NULL seq, which fails the statement, so that the
 * write is rolled back even when its COMMIT travels with the statement.
 */
function appendStatement(event: NewEvent): { sql: string; params: unknown[] } {
  const { type, ...payload } = event.data;
  const params: unknown[] = [
    event.operationId,
    type,
    event.actor?.userId ?? null,
    event.actor?.agencyId ?? null,
    event.marking,
    event.originAgencyId,
    event.recipientAgencyIds,
    payload,
  ];
  const versioned =
    event.reportVersionOf !== undefined
      ? { key: 'report' as const, id: event.reportVersionOf }
      : event.itemVersionOf !== undefined
        ? { key: event.itemVersionOf.kind, id: event.itemVersionOf.id }
        : null;
  if (versioned) params.push(versioned.id);
  const sql = `WITH s AS (UPDATE operations SET last_seq = last_seq + 1 WHERE id = $1 RETURNING last_seq),
            e AS (INSERT INTO operation_events (operation_id, seq, type, actor_user_id, actor_agency_id, marking, origin_agency_id, recipient_agency_ids, payload)
                  SELECT $1::uuid, s.last_seq, $2::text, $3::uuid, $4::uuid, $5::text, $6::uuid, $7::uuid[],
                         ${versioned ? `jsonb_set($8::jsonb, '{${versioned.key},version}', to_jsonb(s.last_seq))` : '$8::jsonb'}
                    FROM (VALUES (1)) AS one LEFT JOIN s ON TRUE
                  RETURNING *)${
                    versioned ? `,
            v AS (UPDATE ${VERSIONED[versioned.key]} SET version = (SELECT seq FROM e) WHERE id = $9::uuid)` : ''
                  }
       SELECT * FROM e`;
  return { sql, params };
}

function storedEvent(event: NewEvent, rows: EventRow[]): OperationEvent {
  if (rows.length === 0) throw new Error(`operation ${event.operationId} does not exist: no seq to take`);
  return toOperationEvent(rows[0]);
}

export function toOperationEvent(row: EventRow): OperationEvent {
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
