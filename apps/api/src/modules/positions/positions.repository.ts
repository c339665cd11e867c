import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MarkingVisibility, PositionInput, TeamPosition } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { markingCondition } from '../../common/marking-sql';
import { toTeamPosition, type PositionRow } from './position.mapper';

export interface NewPosition {
  teamId: string;
  operationId: string;
  position: PositionInput;
}

export interface TrackQuery {
  from: string | null;
  to: string | null;
  /** Exclusive lower bound: the exact `at` of the last position of the previous page. */
  after: string | null;
  limit: number;
}

@Injectable()
export class PositionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores positions (one multi-row INSERT) and moves each team's latest position forward, in the
   * caller's transaction. A position already stored (same team, same `at`) is skipped by the unique
   * index. Answers how many were stored and which teams' latest position changed, with that position.
   */
  async store(manager: EntityManager, positions: readonly NewPosition[]): Promise<{ stored: number; latest: TeamPosition[] }> {
    if (positions.length === 0) return { stored: 0, latest: [] };
    const newest = new Map<string, NewPosition>();
    for (const item of positions) {
      const current = newest.get(item.teamId);
      if (!current || Date.parse(item.position.at) > Date.parse(current.position.at)) newest.set(item.teamId, item);
    }
    // Lock the teams in one order first: concurrent batches over the same teams cannot deadlock.
    await manager.query('SELECT id FROM teams WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [[...newest.keys()]]);

    const column = <T>(pick: (item: NewPosition) => T) => positions.map(pick);
    const inserted = (await manager.query(
      `INSERT INTO team_positions (team_id, operation_id, lat, lon, heading, speed, accuracy, at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::timestamptz[])
       ON CONFLICT (team_id, at) DO NOTHING
       RETURNING 1`,
      [
        column((p) => p.teamId),
        column((p) => p.operationId),
        column((p) => p.position.lat),
        column((p) => p.position.lon),
        column((p) => p.position.heading),
        column((p) => p.position.speed),
        column((p) => p.position.accuracy),
        column((p) => p.position.at),
      ],
    )) as unknown[];

    const latest = [...newest.values()];
    const updated = (await manager.query(
      `UPDATE teams t
          SET last_lat = v.lat, last_lon = v.lon, last_heading = v.heading, last_speed = v.speed,
              last_accuracy = v.accuracy, last_position_at = v.at
         FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::timestamptz[])
              AS v(team_id, lat, lon, heading, speed, accuracy, at)
        WHERE t.id = v.team_id AND (t.last_position_at IS NULL OR t.last_position_at < v.at)
        RETURNING t.id AS team_id, t.last_lat AS lat, t.last_lon AS lon, t.last_heading AS heading, t.last_speed AS speed,
                  t.last_accuracy AS accuracy, t.last_position_at AS at`,
      [
        latest.map((p) => p.teamId),
        latest.map((p) => p.position.lat),
        latest.map((p) => p.position.lon),
        latest.map((p) => p.position.heading),
        latest.map((p) => p.position.speed),
        latest.map((p) => p.position.accuracy),
        latest.map((p) => p.position.at),
      ],
    )) as [PositionRow[], number];
    return { stored: inserted.length, latest: updated[0].map(toTeamPosition) };
  }

  /** The latest position of every team of the operation the viewer may see. */
  async latestVisible(operationId: string, visibility: MarkingVisibility): Promise<TeamPosition[]> {
    const params: unknown[] = [operationId];
    const rows = (await this.dataSource.query(
      `SELECT t.id AS team_id, t.last_lat AS lat, t.last_lon AS lon, t.last_heading AS heading, t.last_speed AS speed,
              t.last_accuracy AS accuracy, t.last_position_at AS at
         FROM teams t
        WHERE t.operation_id = $1 AND t.last_position_at IS NOT NULL AND ${markingCondition(visibility, params, 't')}
        ORDER BY t.id`,
      params,
    )) as PositionRow[];
    return rows.map(toTeamPosition);
  }

  /** One page of a team's track, oldest first; `cursor` is the exact time of the page's last position. */
  async track(teamId: string, query: TrackQuery): Promise<{ items: TeamPosition[]; cursor: string | null }> {
    const rows = (await this.dataSource.query(
      `SELECT team_id, lat, lon, heading, speed, accuracy, at,
              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS exact_at
         FROM team_positions
        WHERE team_id = $1
          AND ($2::timestamptz IS NULL OR at >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR at <= $3::timestamptz)
          AND ($4::timestamptz IS NULL OR at > $4::timestamptz)
        ORDER BY at
        LIMIT $5`,
      [teamId, query.from, query.to, query.after, query.limit + 1],
    )) as (PositionRow & { exact_at: string })[];
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    return { items: page.map(toTeamPosition), cursor: more ? page[page.length - 1].exact_at : null };
  }
}
