import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Marking, MarkingVisibility, OperationRole } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';

/** A `tasks` row joined with its origin agency and its team's agency, as the mapper reads it. */
export interface TaskRow {
  id: string;
  client_id: string;
  operation_id: string;
  team_id: string;
  team_agency_id: string;
  team_marking: Marking;
  team_recipient_agency_ids: string[];
  kind: string;
  title: string;
  instructions: string;
  target: Record<string, unknown>;
  due_at: Date | null;
  ack_due_at: Date;
  state: string;
  state_reason: string | null;
  overdue: boolean;
  left_area: boolean;
  acknowledged_at: Date | null;
  origin_agency_id: string;
  origin_agency_code: string;
  origin_agency_name: string;
  author_user_id: string;
  request_id: string | null;
  marking: Marking;
  recipient_agency_ids: string[];
  created_at: Date;
  updated_at: Date;
  version: string;
}

export interface RequestRow {
  id: string;
  client_id: string;
  operation_id: string;
  kind: string;
  origin_agency_id: string;
  origin_agency_code: string;
  origin_agency_name: string;
  to_agency_id: string;
  to_agency_code: string;
  to_agency_name: string;
  subject: string;
  details: string;
  lat: number | null;
  lon: number | null;
  site_id: string | null;
  answer_due_at: Date;
  state: string;
  state_reason: string | null;
  overdue: boolean;
  answered_at: Date | null;
  author_user_id: string;
  handover: Record<string, unknown> | null;
  marking: Marking;
  recipient_agency_ids: string[];
  created_at: Date;
  updated_at: Date;
  version: string;
}

export interface TransitionRow {
  at: Date;
  user_id: string;
  agency_code: string;
  from_state: string | null;
  to_state: string | null;
  action?: string;
  reason: string | null;
}

export interface ParticipantRow {
  agency_id: string;
  role: OperationRole;
  lead_may_task: boolean;
}

const SELECT_TASK = `
  SELECT t.*, a.code AS origin_agency_code, a.name AS origin_agency_name,
         tm.agency_id AS team_agency_id, tm.marking AS team_marking, tm.recipient_agency_ids AS team_recipient_agency_ids
    FROM tasks t JOIN agencies a ON a.id = t.origin_agency_id JOIN teams tm ON tm.id = t.team_id`;

const SELECT_REQUEST = `
  SELECT r.*, a.code AS origin_agency_code, a.name AS origin_agency_name, b.code AS to_agency_code, b.name AS to_agency_name
    FROM agency_requests r JOIN agencies a ON a.id = r.origin_agency_id JOIN agencies b ON b.id = r.to_agency_id`;

/** SQL for tasks, requests between agencies and their transitions. Every list applies the marking rule in SQL. */
@Injectable()
export class TaskingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async participants(operationId: string, manager?: EntityManager): Promise<ParticipantRow[]> {
    return this.m(manager).query('SELECT agency_id, role, lead_may_task FROM operation_participants WHERE operation_id = $1', [operationId]);
  }

  async setLeadMayTask(operationId: string, agencyId: string, allowed: boolean, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE operation_participants SET lead_may_task = $3 WHERE operation_id = $1 AND agency_id = $2', [operationId, agencyId, allowed]);
  }

  // ---- tasks ----

  async findTask(id: string, manager?: EntityManager, forUpdate = false): Promise<TaskRow | null> {
    const rows: TaskRow[] = await this.m(manager).query(`${SELECT_TASK} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async findTaskByClientId(clientId: string, manager?: EntityManager): Promise<TaskRow | null> {
    const rows: TaskRow[] = await this.m(manager).query(`${SELECT_TASK} WHERE t.client_id = $1`, [clientId]);
    return rows[0] ?? null;
  }

  /** Inserts unless the client id is taken (the unique index arbitrates a race): the new id, or null. */
  async insertTask(
    manager: EntityManager,
    task: {
      clientId: string; operationId: string; teamId: string; kind: string; title: string; instructions: string; target: object;
      dueAt: string | null; ackDueAt: string; originAgencyId: string; authorUserId: string; requestId: string | null;
      marking: Marking; recipientAgencyIds: string[]; now: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO tasks (client_id, operation_id, team_id, kind, title, instructions, target, due_at, ack_due_at, origin_agency_id,
                          author_user_id, request_id, marking, recipient_agency_ids, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [task.clientId, task.operationId, task.teamId, task.kind, task.title, task.instructions, task.target, task.dueAt, task.ackDueAt,
        task.originAgencyId, task.authorUserId, task.requestId, task.marking, task.recipientAgencyIds, task.now],
    );
    return rows[0]?.id ?? null;
  }

  async setTaskState(manager: EntityManager, id: string, state: string, reason: string | null, now: string): Promise<void> {
    await manager.query(
      `UPDATE tasks SET state = $2, state_reason = $3, updated_at = $4,
              acknowledged_at = CASE WHEN $2 = 'acknowledged' THEN $4::timestamptz ELSE acknowledged_at END
        WHERE id = $1`,
      [id, state, reason, now],
    );
  }

  async listTasks(operationId: string, visibility: MarkingVisibility, filter: { state?: string[]; teamId?: string; requestId?: string }, limit: number, offset: number): Promise<TaskRow[]> {
    const params: unknown[] = [operationId, limit, offset];
    const where = [`t.operation_id = $1`, markingCondition(visibility, params, 't')];
    if (filter.state?.length) where.push(`t.state = ANY($${params.push(filter.state)}::text[])`);
    if (filter.teamId) where.push(`t.team_id = $${params.push(filter.teamId)}::uuid`);
    if (filter.requestId) where.push(`t.request_id = $${params.push(filter.requestId)}::uuid`);
    return this.dataSource.manager.query(`${SELECT_TASK} WHERE ${where.join(' AND ')} ORDER BY t.created_at DESC, t.id DESC LIMIT $2 OFFSET $3`, params);
  }

  async insertTaskTransition(
    manager: EntityManager,
    row: { taskId: string; clientId: string | null; userId: string; from: string | null; to: string; reason: string | null; now: string },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO task_transitions (task_id, client_id, user_id, from_state, to_state, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [row.taskId, row.clientId, row.userId, row.from, row.to, row.reason, row.now],
    );
    return rows.length > 0;
  }

  async taskTransitionByClientId(clientId: string, manager?: EntityManager): Promise<{ task_id: string; user_id: string; to_state: string } | null> {
    const rows = await this.m(manager).query('SELECT task_id, user_id, to_state FROM task_transitions WHERE client_id = $1', [clientId]);
    return rows[0] ?? null;
  }

  async taskTransitions(taskId: string): Promise<TransitionRow[]> {
    return this.dataSource.manager.query(
      `SELECT x.at, x.user_id, a.code AS agency_code, x.from_state, x.to_state, x.reason
         FROM task_transitions x JOIN users u ON u.id = x.user_id JOIN agencies a ON a.id = u.agency_id
        WHERE x.task_id = $1 ORDER BY x.id`,
      [taskId],
    );
  }

  async isTeamMember(teamId: string, userId: string, manager?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await this.m(manager).query('SELECT 1 FROM team_members WHERE team_id = $1 AND user_id = $2', [teamId, userId]);
    return rows.length > 0;
  }

  /** Assigned tasks past their acknowledgement deadline not yet flagged, locked (others skip them) for the caller's transaction. */
  async claimOverdueTasks(manager: EntityManager, now: string, limit: number): Promise<TaskRow[]> {
    const ids: { id: string }[] = await manager.query(
      `SELECT id FROM tasks WHERE state = 'assigned' AND NOT overdue AND ack_due_at <= $1 ORDER BY ack_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    if (ids.length === 0) return [];
    await manager.query('UPDATE tasks SET overdue = true, updated_at = $2 WHERE id = ANY($1::uuid[])', [ids.map((r) => r.id), now]);
    return manager.query(`${SELECT_TASK} WHERE t.id = ANY($1::uuid[]) ORDER BY t.ack_due_at`, [ids.map((r) => r.id)]);
  }

  /** Open patrol and hold tasks with an area, with their team's last position, locked for the caller's transaction. */
  async areaTasks(manager: EntityManager, limit: number): Promise<(TaskRow & { last_lat: number | null; last_lon: number | null; last_position_at: Date | null })[]> {
    const ids: { id: string }[] = await manager.query(
      `SELECT t.id FROM tasks t
        WHERE t.state IN ('acknowledged', 'in_progress') AND t.kind IN ('patrol', 'hold') AND jsonb_typeof(t.target -> 'area') = 'array'
        ORDER BY t.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    if (ids.length === 0) return [];
    return manager.query(
      `${SELECT_TASK.replace('tm.recipient_agency_ids AS team_recipient_agency_ids', 'tm.recipient_agency_ids AS team_recipient_agency_ids, tm.last_lat, tm.last_lon, tm.last_position_at')} WHERE t.id = ANY($1::uuid[])`,
      [ids.map((r) => r.id)],
    );
  }

  async setLeftArea(manager: EntityManager, ids: readonly string[], left: boolean, now: string): Promise<void> {
    if (ids.length) await manager.query('UPDATE tasks SET left_area = $2, updated_at = $3 WHERE id = ANY($1::uuid[])', [ids, left, now]);
  }

  // ---- requests ----

  async findRequest(id: string, manager?: EntityManager, forUpdate = false): Promise<RequestRow | null> {
    const rows: RequestRow[] = await this.m(manager).query(`${SELECT_REQUEST} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async findRequestByClientId(clientId: string, manager?: EntityManager): Promise<RequestRow | null> {
    const rows: RequestRow[] = await this.m(manager).query(`${SELECT_REQUEST} WHERE r.client_id = $1`, [clientId]);
    return rows[0] ?? null;
  }

  async insertRequest(
    manager: EntityManager,
    request: {
      clientId: string; operationId: string; kind: string; originAgencyId: string; toAgencyId: string; subject: string; details: string;
      lat: number | null; lon: number | null; siteId: string | null; answerDueAt: string; authorUserId: string; marking: Marking;
      recipientAgencyIds: string[]; now: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO agency_requests (client_id, operation_id, kind, origin_agency_id, to_agency_id, subject, details, lat, lon, site_id,
                                    answer_due_at, author_user_id, marking, recipient_agency_ids, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [request.clientId, request.operationId, request.kind, request.originAgencyId, request.toAgencyId, request.subject, request.details,
        request.lat, request.lon, request.siteId, request.answerDueAt, request.authorUserId, request.marking, request.recipientAgencyIds, request.now],
    );
    return rows[0]?.id ?? null;
  }

  async setRequestState(manager: EntityManager, id: string, state: string, reason: string | null, now: string): Promise<void> {
    await manager.query(
      `UPDATE agency_requests SET state = $2, state_reason = $3, updated_at = $4,
              answered_at = CASE WHEN $2 IN ('accepted', 'declined') THEN $4::timestamptz ELSE answered_at END
        WHERE id = $1`,
      [id, state, reason, now],
    );
  }

  async setHandover(manager: EntityManager, id: string, handover: object, now: string): Promise<void> {
    await manager.query('UPDATE agency_requests SET handover = $2, updated_at = $3 WHERE id = $1', [id, handover, now]);
  }

  async listRequests(operationId: string, visibility: MarkingVisibility, filter: { state?: string[]; direction?: 'incoming' | 'outgoing' }, limit: number, offset: number): Promise<RequestRow[]> {
    const params: unknown[] = [operationId, limit, offset];
    const where = [`r.operation_id = $1`, markingCondition(visibility, params, 'r')];
    if (filter.state?.length) where.push(`r.state = ANY($${params.push(filter.state)}::text[])`);
    if (filter.direction === 'incoming') where.push(`r.to_agency_id = $${params.push(visibility.agencyId)}::uuid`);
    if (filter.direction === 'outgoing') where.push(`r.origin_agency_id = $${params.push(visibility.agencyId)}::uuid`);
    return this.dataSource.manager.query(`${SELECT_REQUEST} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3`, params);
  }

  async insertRequestTransition(
    manager: EntityManager,
    row: { requestId: string; clientId: string | null; userId: string; action: string; from: string | null; to: string | null; reason: string | null; now: string },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO request_transitions (request_id, client_id, user_id, action, from_state, to_state, reason, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [row.requestId, row.clientId, row.userId, row.action, row.from, row.to, row.reason, row.now],
    );
    return rows.length > 0;
  }

  async requestTransitionByClientId(clientId: string, manager?: EntityManager): Promise<{ request_id: string; user_id: string } | null> {
    const rows = await this.m(manager).query('SELECT request_id, user_id FROM request_transitions WHERE client_id = $1', [clientId]);
    return rows[0] ?? null;
  }

  async requestTransitions(requestId: string): Promise<TransitionRow[]> {
    return this.dataSource.manager.query(
      `SELECT x.at, x.user_id, a.code AS agency_code, x.action, x.from_state, x.to_state, x.reason
         FROM request_transitions x JOIN users u ON u.id = x.user_id JOIN agencies a ON a.id = u.agency_id
        WHERE x.request_id = $1 ORDER BY x.id`,
      [requestId],
    );
  }

  async claimOverdueRequests(manager: EntityManager, now: string, limit: number): Promise<RequestRow[]> {
    const ids: { id: string }[] = await manager.query(
      `SELECT id FROM agency_requests WHERE state = 'open' AND NOT overdue AND answer_due_at <= $1 ORDER BY answer_due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    if (ids.length === 0) return [];
    await manager.query('UPDATE agency_requests SET overdue = true, updated_at = $2 WHERE id = ANY($1::uuid[])', [ids.map((r) => r.id), now]);
    return manager.query(`${SELECT_REQUEST} WHERE r.id = ANY($1::uuid[]) ORDER BY r.answer_due_at`, [ids.map((r) => r.id)]);
  }
}
