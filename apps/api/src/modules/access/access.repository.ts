import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Marking, OperationRole, OperationStatus } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** The caller's agency in one operation, with what every decision about the operation needs. */
export interface MembershipRow {
  id: string;
  status: OperationStatus;
  exercise: boolean;
  lead_agency_id: string;
  role: OperationRole;
}

/** A team of an operation as a writer sees it: its marking, and whether the asking user is a member. */
export interface TeamStandingRow {
  id: string;
  operation_id: string;
  agency_id: string;
  marking: Marking;
  recipient_agency_ids: string[];
  is_member: boolean;
}

/** `MembershipRow` with the references a write names: its team (null columns when none or not in the operation) and the team's site, its site, its recipients. */
export interface WriterContextRow extends MembershipRow {
  team_id: string | null;
  team_agency_id: string | null;
  team_marking: Marking | null;
  team_recipient_agency_ids: string[] | null;
  team_is_member: boolean;
  team_site_id: string | null;
  team_site_lat: number | null;
  team_site_lon: number | null;
  site_known: boolean;
  participating: string[];
}

/**
 * The look-ups behind every authorization decision and every write's references: membership of an
 * operation, membership of a team, the team in the operation, the site, the agencies taking part.
 * Read-only, in the caller's transaction when given its manager. The one place that reads
 * operation_participants, team_members and sites for another module's rules.
 */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async membership(operationId: string, agencyId: string, manager: EntityManager = this.dataSource.manager): Promise<MembershipRow | null> {
    const rows: MembershipRow[] = await manager.query(
      `SELECT o.id, o.status, o.exercise, o.lead_agency_id, p.role
         FROM operations o JOIN operation_participants p ON p.operation_id = o.id AND p.agency_id = $2
        WHERE o.id = $1`,
      [operationId, agencyId],
    );
    return rows[0] ?? null;
  }

  /** The team if it belongs to this operation, with whether `userId` is one of its members. */
  async teamInOperation(teamId: string, operationId: string, userId: string, manager: EntityManager = this.dataSource.manager): Promise<TeamStandingRow | null> {
    const rows: TeamStandingRow[] = await manager.query(
      `SELECT t.id, t.operation_id, t.agency_id, t.marking, t.recipient_agency_ids,
              EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.user_id = $3) AS is_member
         FROM teams t WHERE t.id = $1 AND t.operation_id = $2`,
      [teamId, operationId, userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Everything a write's checks read, in one round trip: `membership`, `teamInOperation` for the
   * team it names (with the team's site and its place), whether the site it names exists and which
   * of the agencies it names take part (`participatingAgencies`). Null when the agency does not take
   * part in the operation; `team_id` null when no team is named or it is not in the operation.
   */
  async writerContext(
    operationId: string,
    agencyId: string,
    userId: string,
    refs: { teamId: string | null; siteId: string | null; agencyIds: readonly string[] },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<WriterContextRow | null> {
    const rows: WriterContextRow[] = await manager.query(
      `SELECT o.id, o.status, o.exercise, o.lead_agency_id, p.role,
              t.id AS team_id, t.agency_id AS team_agency_id, t.marking AS team_marking, t.recipient_agency_ids AS team_recipient_agency_ids,
              EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = t.id AND m.user_id = $4) AS team_is_member,
              t.site_id AS team_site_id, ts.lat AS team_site_lat, ts.lon AS team_site_lon,
              ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM sites s WHERE s.id = $5)) AS site_known,
              ARRAY(SELECT op.agency_id FROM operation_participants op WHERE op.operation_id = o.id AND op.agency_id = ANY($6::uuid[])) AS participating
         FROM operations o
         JOIN operation_participants p ON p.operation_id = o.id AND p.agency_id = $2
         LEFT JOIN teams t ON t.id = $3 AND t.operation_id = o.id
         LEFT JOIN sites ts ON ts.id = t.site_id
        WHERE o.id = $1`,
      [operationId, agencyId, refs.teamId, userId, refs.siteId, refs.agencyIds],
    );
    return rows[0] ?? null;
  }

  async siteExists(siteId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM sites WHERE id = $1', [siteId]);
    return rows.length > 0;
  }

  /** Of `agencyIds`, those taking part in the operation (lead, participants, observers). */
  async participatingAgencies(operationId: string, agencyIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { agency_id: string }[] = await manager.query(
      'SELECT agency_id FROM operation_participants WHERE operation_id = $1 AND agency_id = ANY($2::uuid[])',
      [operationId, agencyIds],
    );
    return rows.map((row) => row.agency_id);
  }

  /** Of `userIds`, those that are enabled accounts of the agency (who may be a team's members). */
  async enabledUsersOfAgency(agencyId: string, userIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) AND agency_id = $2 AND NOT disabled', [
      userIds,
      agencyId,
    ]);
    return rows.map((row) => row.id);
  }
}
