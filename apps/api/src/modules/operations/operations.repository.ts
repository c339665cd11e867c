import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateOperation, MarkingVisibility, OperationRole, OperationStatus, UpdateOperation } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';
import { SITE_COLUMNS, type SiteRow } from '../sites/site.mapper';
import type { OperationCountsRow, OperationRow, ParticipantRow } from './operation.mapper';

const SELECT_OPERATION = `
  SELECT o.id, o.code, o.name, o.description, o.status, o.exercise, o.time_zone, o.starts_at, o.ends_at, o.area,
         o.created_at, o.updated_at, o.lead_agency_id, a.code AS lead_agency_code, a.name AS lead_agency_name
    FROM operations o JOIN agencies a ON a.id = o.lead_agency_id`;

@Injectable()
export class OperationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The operations an agency takes part in, with its role in each; newest first. */
  async listForAgency(agencyId: string): Promise<(OperationRow & { my_role: OperationRole })[]> {
    return (await this.dataSource.query(
      `SELECT p.role AS my_role, op.*
         FROM (${SELECT_OPERATION}) op
         JOIN operation_participants p ON p.operation_id = op.id AND p.agency_id = $1
        ORDER BY (op.status = 'closed'), op.starts_at DESC NULLS LAST, op.created_at DESC`,
      [agencyId],
    )) as (OperationRow & { my_role: OperationRole })[];
  }

  /**
   * Counts for the operation list, as one viewer sees them: teams and reports pass the
   * handling-marking rule. "Today" is the calendar day in the operation's own time zone.
   */
  async countsFor(operationIds: readonly string[], visibility: MarkingVisibility): Promise<OperationCountsRow[]> {
    const params: unknown[] = [operationIds];
    const teams = markingCondition(visibility, params, 't');
    const reports = markingCondition(visibility, params, 'r');
    return (await this.dataSource.query(
      `SELECT o.id,
              (SELECT count(*) FROM teams t WHERE t.operation_id = o.id AND ${teams}) AS teams,
              (SELECT count(*) FROM reports r
                WHERE r.operation_id = o.id AND ${reports}
                  AND r.occurred_at >= (date_trunc('day', now() AT TIME ZONE o.time_zone) AT TIME ZONE o.time_zone)) AS reports_today,
              (SELECT count(*) FROM reports r
                WHERE r.operation_id = o.id AND ${reports} AND r.kind = 'alert' AND r.status = 'reported') AS open_alerts
         FROM operations o WHERE o.id = ANY($1::uuid[])`,
      params,
    )) as OperationCountsRow[];
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<OperationRow | null> {
    const rows = (await manager.query(`${SELECT_OPERATION} WHERE o.id = $1`, [id])) as OperationRow[];
    return rows[0] ?? null;
  }

  async existsWithCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows = (await manager.query('SELECT id FROM operations WHERE code = $1', [code])) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  /**
   * Locks the operation row for the rest of the write, so that checks made after it (status,
   * membership) still hold at COMMIT. The event log's sequence counter takes the same lock.
   */
  async lock(manager: EntityManager, id: string): Promise<void> {
    await manager.query('SELECT 1 FROM operations WHERE id = $1 FOR UPDATE', [id]);
  }

  async participants(id: string, manager: EntityManager = this.dataSource.manager): Promise<ParticipantRow[]> {
    return (await manager.query(
      `SELECT p.agency_id, a.code AS agency_code, a.name AS agency_name, p.role
         FROM operation_participants p JOIN agencies a ON a.id = p.agency_id
        WHERE p.operation_id = $1
        ORDER BY CASE p.role WHEN 'lead' THEN 0 WHEN 'participant' THEN 1 ELSE 2 END, a.code`,
      [id],
    )) as ParticipantRow[];
  }

  async sites(id: string, manager: EntityManager = this.dataSource.manager): Promise<SiteRow[]> {
    return (await manager.query(
      `SELECT ${SITE_COLUMNS.split(', ').map((column) => `s.${column}`).join(', ')}
         FROM operation_sites os JOIN sites s ON s.id = os.site_id
        WHERE os.operation_id = $1 ORDER BY s.country, s.name`,
      [id],
    )) as SiteRow[];
  }

  async insert(manager: EntityManager, input: CreateOperation & { timeZone: string }, leadAgencyId: string, createdBy: string): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO operations (code, name, description, exercise, time_zone, starts_at, ends_at, area, lead_agency_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [input.code, input.name, input.description, input.exercise, input.timeZone, input.startsAt, input.endsAt, input.area, leadAgencyId, createdBy],
    )) as { id: string }[];
    await manager.query(`INSERT INTO operation_participants (operation_id, agency_id, role) VALUES ($1, $2, 'lead')`, [row.id, leadAgencyId]);
    return row.id;
  }

  async update(manager: EntityManager, id: string, changes: UpdateOperation): Promise<void> {
    const set: string[] = [];
    const params: unknown[] = [id];
    const assign = (column: string, value: unknown) => {
      params.push(value);
      set.push(`${column} = $${params.length}`);
    };
    if (changes.name !== undefined) assign('name', changes.name);
    if (changes.description !== undefined) assign('description', changes.description);
    if (changes.timeZone !== undefined) assign('time_zone', changes.timeZone);
    if (changes.startsAt !== undefined) assign('starts_at', changes.startsAt);
    if (changes.endsAt !== undefined) assign('ends_at', changes.endsAt);
    if (changes.area !== undefined) assign('area', changes.area === null ? null : JSON.stringify(changes.area));
    await manager.query(`UPDATE operations SET ${[...set, 'updated_at = now()'].join(', ')} WHERE id = $1`, params);
  }

  async setStatus(manager: EntityManager, id: string, status: OperationStatus): Promise<void> {
    await manager.query('UPDATE operations SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }

  async touch(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE operations SET updated_at = now() WHERE id = $1', [id]);
  }

  /** False when the agency already takes part. */
  async addParticipant(manager: EntityManager, id: string, agencyId: string, role: OperationRole): Promise<boolean> {
    const rows = (await manager.query(
      `INSERT INTO operation_participants (operation_id, agency_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING agency_id`,
      [id, agencyId, role],
    )) as unknown[];
    return rows.length === 1;
  }

  async participantRole(manager: EntityManager, id: string, agencyId: string): Promise<OperationRole | null> {
    const rows = (await manager.query('SELECT role FROM operation_participants WHERE operation_id = $1 AND agency_id = $2', [id, agencyId])) as {
      role: OperationRole;
    }[];
    return rows[0]?.role ?? null;
  }

  async removeParticipant(manager: EntityManager, id: string, agencyId: string): Promise<void> {
    await manager.query(`DELETE FROM operation_participants WHERE operation_id = $1 AND agency_id = $2 AND role <> 'lead'`, [id, agencyId]);
  }

  /** False when the site is already attached. */
  async attachSite(manager: EntityManager, id: string, siteId: string): Promise<boolean> {
    const rows = (await manager.query(
      'INSERT INTO operation_sites (operation_id, site_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING site_id',
      [id, siteId],
    )) as unknown[];
    return rows.length === 1;
  }

  /** False when the site was not attached. */
  async detachSite(manager: EntityManager, id: string, siteId: string): Promise<boolean> {
    const [, count] = (await manager.query('DELETE FROM operation_sites WHERE operation_id = $1 AND site_id = $2', [id, siteId])) as [unknown, number];
    return count === 1;
  }
}
