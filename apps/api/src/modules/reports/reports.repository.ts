import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InterceptionDetails, Marking, MarkingVisibility, ReportChange, ReportKind, ReportQuery, ReportStatus } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';
import type { ReportCursor } from './report-cursor';
import type { ReportHistoryRow, ReportRow } from './report.mapper';

/**
 * A report row as the mapper reads it, from `source` (the table, or a CTE of inserted rows), with
 * its team's marking: the team id is disclosed only to viewers who may see the team.
 */
const selectReportFrom = (source: string) => `
  SELECT r.*, a.code AS origin_agency_code, a.name AS origin_agency_name,
         (extract(epoch FROM r.received_at) * 1000000)::bigint AS received_us,
         tm.agency_id AS team_agency_id, tm.marking AS team_marking, tm.recipient_agency_ids AS team_recipient_agency_ids
    FROM ${source} r JOIN agencies a ON a.id = r.origin_agency_id LEFT JOIN teams tm ON tm.id = r.team_id`;
const SELECT_REPORT = selectReportFrom('reports');

/**
 * The \`report.create\` audit entry written by the report's own INSERT (by its author, of its
 * origin agency), so that storing a report costs one statement less in its transaction.
 */
export interface ReportCreateAudit {
  details: { clientId: string; kind: string; marking: string; raisedBy?: string };
}

export interface NewReportRow {
  clientId: string;
  operationId: string;
  kind: ReportKind;
  title: string;
  narrative: string;
  lat: number | null;
  lon: number | null;
  siteId: string | null;
  occurredAt: string;
  originAgencyId: string;
  teamId: string | null;
  authorUserId: string;
  marking: Marking;
  recipientAgencyIds: string[];
  interception: InterceptionDetails | null;
}

/** The columns an amendment or a verdict may change. */
export interface ReportColumns {
  title?: string;
  narrative?: string;
  lat?: number | null;
  lon?: number | null;
  site_id?: string | null;
  occurred_at?: string;
  marking?: Marking;
  recipient_agency_ids?: string[];
  interception?: InterceptionDetails | null;
  status?: ReportStatus;
  status_reason?: string | null;
  status_by?: string | null;
  /** `true`: the transaction's time; `null`: cleared. */
  status_at?: true | null;
}

/** The REST list's filters, and the map's agency filter by code (exports). */
export type ReportFilter = Omit<ReportQuery, 'cursor' | 'limit'> & { agencyCodes?: readonly string[] };

/** SQL for reports and their history. Every read of several reports applies the marking rule here, in SQL. */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<ReportRow | null> {
    const rows: ReportRow[] = await manager.query(`${SELECT_REPORT} WHERE r.id = $1${forUpdate ? ' FOR UPDATE OF r' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async findByClientId(clientId: string, manager: EntityManager = this.dataSource.manager): Promise<ReportRow | null> {
    const rows: ReportRow[] = await manager.query(`${SELECT_REPORT} WHERE r.client_id = $1`, [clientId]);
    return rows[0] ?? null;
  }

  /**
   * Stores a new report, with its 'created' history row and its `report.create` audit entry by its
   * author, unless one with its client id exists; answers the stored row (as `findById` would), or null when the client id was taken.
   * One statement: the write is one round trip. A concurrent insert of the same client id waits
   * here for the other transaction and then answers null: the unique index is the arbiter, not a
   * prior SELECT. `version` stays 0 until the report's event is appended.
   */
  async insertIfAbsent(manager: EntityManager, report: NewReportRow, audit: ReportCreateAudit): Promise<ReportRow | null> {
    const rows = (await manager.query(
      `WITH inserted AS (
         INSERT INTO reports (client_id, operation_id, kind, title, narrative, lat, lon, site_id, occurred_at, origin_agency_id,
                              team_id, author_user_id, marking, recipient_agency_ids, interception, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0)
         ON CONFLICT (client_id) DO NOTHING
         RETURNING *
       ), history AS (
         INSERT INTO report_history (report_id, user_id, action, changes, reason)
         SELECT id, author_user_id, 'created', '{}', NULL FROM inserted
       ), audit AS (
         INSERT INTO audit_log (user_id, agency_id, action, entity_type, entity_id, operation_id, details)
         SELECT author_user_id, origin_agency_id, 'report.create', 'report', id, operation_id, $16 FROM inserted
       )
       ${selectReportFrom('inserted')}`,
      [
        report.clientId,
        report.operationId,
        report.kind,
        report.title,
        report.narrative,
        report.lat,
        report.lon,
        report.siteId,
        report.occurredAt,
        report.originAgencyId,
        report.teamId,
        report.authorUserId,
        report.marking,
        report.recipientAgencyIds,
        report.interception === null ? null : JSON.stringify(report.interception),
        audit.details,
      ],
    )) as ReportRow[];
    return rows[0] ?? null;
  }

  async update(manager: EntityManager, id: string, columns: ReportColumns): Promise<void> {
    const params: unknown[] = [id];
    const sets = ['updated_at = now()'];
    for (const [column, value] of Object.entries(columns) as [keyof ReportColumns, unknown][]) {
      if (value === undefined) continue;
      if (column === 'status_at') {
        sets.push(value === null ? 'status_at = NULL' : 'status_at = now()');
        continue;
      }
      params.push(column === 'interception' && value !== null ? JSON.stringify(value) : value);
      sets.push(`${column} = $${params.length}`);
    }
    await manager.query(`UPDATE reports SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async insertHistory(
    manager: EntityManager,
    entry: { reportId: string; userId: string; action: ReportChange['action']; changes: Record<string, [unknown, unknown]>; reason: string | null },
  ): Promise<void> {
    await manager.query('INSERT INTO report_history (report_id, user_id, action, changes, reason) VALUES ($1, $2, $3, $4, $5)', [
      entry.reportId,
      entry.userId,
      entry.action,
      JSON.stringify(entry.changes),
      entry.reason,
    ]);
  }

  /** Oldest first. */
  async history(reportId: string, manager: EntityManager = this.dataSource.manager): Promise<ReportHistoryRow[]> {
    return (await manager.query(
      `SELECT h.at, h.user_id, u.name AS user_name, a.code AS agency_code, h.action, h.changes, h.reason
         FROM report_history h JOIN users u ON u.id = h.user_id JOIN agencies a ON a.id = u.agency_id
        WHERE h.report_id = $1
        ORDER BY h.id`,
      [reportId],
    )) as ReportHistoryRow[];
  }

  /** Visible reports of one operation, newest received first, after `cursor`. */
  async list(
    operationId: string,
    visibility: MarkingVisibility,
    filter: ReportFilter,
    cursor: ReportCursor | null,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReportRow[]> {
    const { where, param, params } = visibleReportsWhere(operationId, visibility, filter);
    if (cursor) {
      where.push(
        `(r.received_at, r.id) < (timestamptz 'epoch' + ${param(cursor.receivedAtMicros)}::bigint * interval '1 microsecond', ${param(cursor.id)}::uuid)`,
      );
    }
    return (await manager.query(
      `${SELECT_REPORT} WHERE ${where.join(' AND ')} ORDER BY r.received_at DESC, r.id DESC LIMIT ${param(limit)}`,
      params,
    )) as ReportRow[];
  }

  /**
   * Every report `list` would answer, in its order, read through one server-side cursor in a
   * read-only REPEATABLE READ transaction (one consistent snapshot, one sort, `fetchSize` rows in
   * memory at a time). The cursor's connection is held until the generator ends; a consumer that
   * stops early (a download cut off) ends it with `return()`, which rolls back and releases it.
   */
  async *streamVisible(operationId: string, visibility: MarkingVisibility, filter: ReportFilter, fetchSize: number): AsyncGenerator<ReportRow[]> {
    const { where, params } = visibleReportsWhere(operationId, visibility, filter);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = false;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      await runner.query(`DECLARE visible_reports NO SCROLL CURSOR FOR ${SELECT_REPORT} WHERE ${where.join(' AND ')} ORDER BY r.received_at DESC, r.id DESC`, params);
      for (;;) {
        const rows = (await runner.query(`FETCH ${Math.trunc(fetchSize)} FROM visible_reports`)) as ReportRow[];
        if (rows.length) yield rows;
        if (rows.length < fetchSize) break;
      }
      await runner.query('COMMIT');
      open = false;
    } finally {
      if (open) await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
    }
  }

  /** The markings among the reports `list` would answer (an export names the most restrictive before it streams). */
  async visibleMarkings(operationId: string, visibility: MarkingVisibility, filter: ReportFilter): Promise<Marking[]> {
    const { where, params } = visibleReportsWhere(operationId, visibility, filter);
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT r.marking FROM reports r JOIN agencies a ON a.id = r.origin_agency_id WHERE ${where.join(' AND ')}`,
      params,
    )) as { marking: Marking }[];
    return rows.map((row) => row.marking);
  }
}

/** The WHERE clause of a list of visible reports (`r` joined with its origin agency `a`): the marking rule and the filters. */
function visibleReportsWhere(operationId: string, visibility: MarkingVisibility, filter: ReportFilter) {
  const params: unknown[] = [operationId];
  const where = ['r.operation_id = $1', markingCondition(visibility, params, 'r')];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.kind?.length) where.push(`r.kind = ANY(${param(filter.kind)}::text[])`);
  if (filter.status?.length) where.push(`r.status = ANY(${param(filter.status)}::text[])`);
  if (filter.marking?.length) where.push(`r.marking = ANY(${param(filter.marking)}::text[])`);
  if (filter.from) where.push(`r.occurred_at >= ${param(filter.from)}::timestamptz`);
  if (filter.to) where.push(`r.occurred_at < ${param(filter.to)}::timestamptz`);
  if (filter.bbox) {
    const { west, south, east, north } = filter.bbox;
    where.push(`r.lat BETWEEN ${param(south)} AND ${param(north)} AND r.lon BETWEEN ${param(west)} AND ${param(east)}`);
  }
  if (filter.teamId) where.push(`r.team_id = ${param(filter.teamId)}::uuid`);
  if (filter.agencyId) where.push(`r.origin_agency_id = ${param(filter.agencyId)}::uuid`);
  if (filter.agencyCodes?.length) where.push(`a.code = ANY(${param(filter.agencyCodes)}::text[])`);
  return { where, param, params };
}
