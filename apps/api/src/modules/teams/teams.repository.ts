import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateTeam, Marking, MarkingVisibility, PositionInput, TeamStatus, UpdateTeam } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';
import type { TeamRow } from './team.mapper';

const SELECT_TEAM = `
  SELECT t.id, t.operation_id, t.agency_id, a.code AS agency_code, a.name AS agency_name, t.call_sign, t.size, t.status,
         t.site_id, t.marking, t.recipient_agency_ids, t.last_lat, t.last_lon, t.last_heading, t.last_speed, t.last_accuracy,
         t.last_position_at, t.created_at, t.updated_at,
         COALESCE((SELECT json_agg(json_build_object('userId', u.id, 'name', u.name) ORDER BY u.name)
                     FROM team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = t.id), '[]'::json) AS members
    FROM teams t JOIN agencies a ON a.id = t.agency_id`;

/** A team's marking, as the live stream keeps it. */
export interface TeamMarkingRow {
  id: string;
  marking: Marking;
  agency_id: string;
  recipient_agency_ids: string[];
}

@Injectable()
export class TeamsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The operation's teams that pass the handling-marking rule for this viewer. */
  async listVisible(operationId: string, visibility: MarkingVisibility, manager: EntityManager = this.dataSource.manager): Promise<TeamRow[]> {
    const params: unknown[] = [operationId];
    const visible = markingCondition(visibility, params, 't');
    return (await manager.query(`${SELECT_TEAM} WHERE t.operation_id = $1 AND ${visible} ORDER BY a.code, t.call_sign`, params)) as TeamRow[];
  }

  /** Every team of the operation with its marking: what the live stream needs to disclose report events' teams. */
  async markingsOf(operationId: string): Promise<TeamMarkingRow[]> {
    return (await this.dataSource.query('SELECT id, marking, agency_id, recipient_agency_ids FROM teams WHERE operation_id = $1', [operationId])) as TeamMarkingRow[];
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TeamRow | null> {
    const rows = (await manager.query(`${SELECT_TEAM} WHERE t.id = $1`, [id])) as TeamRow[];
    return rows[0] ?? null;
  }

  async findByCallSign(operationId: string, callSign: string, manager: EntityManager = this.dataSource.manager): Promise<TeamRow | null> {
    const rows = (await manager.query(`${SELECT_TEAM} WHERE t.operation_id = $1 AND t.call_sign = $2`, [operationId, callSign])) as TeamRow[];
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, operationId: string, agencyId: string, team: CreateTeam): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO teams (operation_id, agency_id, call_sign, size, status, site_id, marking, recipient_agency_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[]) RETURNING id`,
      [operationId, agencyId, team.callSign, team.size, team.status, team.siteId, team.marking, team.recipientAgencyIds],
    )) as { id: string }[];
    return row.id;
  }

  async update(manager: EntityManager, id: string, changes: Omit<UpdateTeam, 'memberUserIds'>): Promise<void> {
    await manager.query(
      `UPDATE teams
          SET call_sign = COALESCE($2, call_sign), size = COALESCE($3, size), status = COALESCE($4, status),
              site_id = CASE WHEN $5::boolean THEN $6::uuid ELSE site_id END, updated_at = now()
        WHERE id = $1`,
      [id, changes.callSign ?? null, changes.size ?? null, changes.status ?? null, changes.siteId !== undefined, changes.siteId ?? null],
    );
  }

  async setStatus(manager: EntityManager, id: string, status: TeamStatus): Promise<void> {
    await manager.query('UPDATE teams SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
  }

  async replaceMembers(manager: EntityManager, teamId: string, userIds: readonly string[]): Promise<void> {
    await manager.query('DELETE FROM team_members WHERE team_id = $1', [teamId]);
    if (userIds.length) {
      await manager.query('INSERT INTO team_members (team_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [teamId, userIds]);
    }
  }

  async lockOperation(manager: EntityManager, operationId: string): Promise<void> {
    await manager.query('SELECT 1 FROM operations WHERE id = $1 FOR UPDATE', [operationId]);
  }

  /**
   * Demo data only: stores a recorded track and moves the team's last position to its newest
   * point. Live positions are the positions module's job; this bypasses its batching on purpose.
   */
  async seedTrack(teamId: string, operationId: string, track: readonly PositionInput[]): Promise<void> {
    if (!track.length) return;
    const latest = [...track].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[track.length - 1];
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO team_positions (team_id, operation_id, lat, lon, heading, speed, accuracy, at)
         SELECT $1, $2, p.lat, p.lon, p.heading, p.speed, p.accuracy, p.at
           FROM jsonb_to_recordset($3::jsonb) AS p(lat double precision, lon double precision, heading double precision,
                                                   speed double precision, accuracy double precision, at timestamptz)
         ON CONFLICT (team_id, at) DO NOTHING`,
        [teamId, operationId, JSON.stringify(track)],
      );
      await manager.query(
        `UPDATE teams SET last_lat = $2, last_lon = $3, last_heading = $4, last_speed = $5, last_accuracy = $6, last_position_at = $7
          WHERE id = $1 AND (last_position_at IS NULL OR last_position_at < $7)`,
        [teamId, latest.lat, latest.lon, latest.heading, latest.speed, latest.accuracy, latest.at],
      );
    });
  }
}
