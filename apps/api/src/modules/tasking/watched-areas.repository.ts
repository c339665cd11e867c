import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Marking, MarkingVisibility, Polygon, WatchedArea } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';

export interface WatchedAreaRow {
  id: string;
  client_id: string;
  operation_id: string;
  name: string;
  area: Polygon;
  no_team_minutes: number;
  last_team_inside_at: Date;
  lapsed: boolean;
  origin_agency_id: string;
  author_user_id: string;
  marking: Marking;
  recipient_agency_ids: string[];
  removed_at: Date | null;
  created_at: Date;
  version: string;
}

export function toWatchedArea(row: WatchedAreaRow, version?: number): WatchedArea {
  return {
    id: row.id,
    clientId: row.client_id,
    operationId: row.operation_id,
    name: row.name,
    area: row.area,
    noTeamMinutes: row.no_team_minutes,
    lastTeamInsideAt: new Date(row.last_team_inside_at).toISOString(),
    lapsed: row.lapsed,
    originAgencyId: row.origin_agency_id,
    authorUserId: row.author_user_id,
    marking: row.marking,
    recipientAgencyIds: row.recipient_agency_ids,
    createdAt: new Date(row.created_at).toISOString(),
    version: version ?? Number(row.version),
  };
}

const COLUMNS = `w.id, w.client_id, w.operation_id, w.name, w.area, w.no_team_minutes, w.last_team_inside_at, w.lapsed, w.origin_agency_id,
                 w.author_user_id, w.marking, w.recipient_agency_ids, w.removed_at, w.created_at, w.version`;

/** The `watched_areas` table, and the teams' last positions its sweep compares with it. */
@Injectable()
export class WatchedAreasRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async find(id: string, manager?: EntityManager, forUpdate = false): Promise<WatchedAreaRow | null> {
    const rows: WatchedAreaRow[] = await this.m(manager).query(`SELECT ${COLUMNS} FROM watched_areas w WHERE w.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async findByClientId(clientId: string, manager?: EntityManager): Promise<WatchedAreaRow | null> {
    const rows: WatchedAreaRow[] = await this.m(manager).query(`SELECT ${COLUMNS} FROM watched_areas w WHERE w.client_id = $1`, [clientId]);
    return rows[0] ?? null;
  }

  /** Null when another request stored the same clientId first. */
  async insert(
    manager: EntityManager,
    area: { clientId: string; operationId: string; name: string; area: Polygon; noTeamMinutes: number; originAgencyId: string; authorUserId: string; marking: Marking; recipientAgencyIds: string[]; now: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO watched_areas (client_id, operation_id, name, area, no_team_minutes, last_team_inside_at, origin_agency_id, author_user_id, marking,
                                  recipient_agency_ids, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10::uuid[], $6, $6)
       ON CONFLICT (client_id) DO NOTHING RETURNING id`,
      [area.clientId, area.operationId, area.name, JSON.stringify(area.area), area.noTeamMinutes, area.now, area.originAgencyId, area.authorUserId, area.marking, area.recipientAgencyIds],
    );
    return rows[0]?.id ?? null;
  }

  async markRemoved(manager: EntityManager, id: string, userId: string, now: string): Promise<void> {
    await manager.query('UPDATE watched_areas SET removed_at = $2, removed_by = $3, updated_at = $2 WHERE id = $1', [id, now, userId]);
  }

  /** The operation's watched areas (not removed) the viewer may see, oldest first. */
  async list(operationId: string, visibility: MarkingVisibility, limit: number): Promise<WatchedAreaRow[]> {
    const params: unknown[] = [operationId];
    const visible = markingCondition(visibility, params, 'w');
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM watched_areas w WHERE w.operation_id = $1 AND w.removed_at IS NULL AND ${visible} ORDER BY w.created_at, w.id LIMIT $${params.push(limit)}`,
      params,
    );
  }

  /** Watched areas of operations not closed, claimed for this sweep (another instance skips them). */
  async claimForSweep(manager: EntityManager, limit: number): Promise<WatchedAreaRow[]> {
    return manager.query(
      `SELECT ${COLUMNS} FROM watched_areas w JOIN operations o ON o.id = w.operation_id
        WHERE w.removed_at IS NULL AND o.status <> 'closed'
        ORDER BY w.id LIMIT $1 FOR UPDATE OF w SKIP LOCKED`,
      [limit],
    );
  }

  /** The last known position of every team of these operations. */
  async teamPositions(manager: EntityManager, operationIds: readonly string[]): Promise<{ operation_id: string; last_lat: number; last_lon: number; last_position_at: Date }[]> {
    if (operationIds.length === 0) return [];
    return manager.query(
      `SELECT operation_id, last_lat, last_lon, last_position_at FROM teams
        WHERE operation_id = ANY($1::uuid[]) AND last_position_at IS NOT NULL AND last_lat IS NOT NULL AND last_lon IS NOT NULL`,
      [operationIds],
    );
  }

  /** A team was seen inside at `at` (later than recorded): the area is watched afresh (re-armed). */
  async sawTeamInside(manager: EntityManager, id: string, at: string, now: string): Promise<void> {
    await manager.query('UPDATE watched_areas SET last_team_inside_at = $2, lapsed = false, updated_at = $3 WHERE id = $1', [id, at, now]);
  }

  async setLapsed(manager: EntityManager, id: string, now: string): Promise<void> {
    await manager.query('UPDATE watched_areas SET lapsed = true, updated_at = $2 WHERE id = $1', [id, now]);
  }
}
