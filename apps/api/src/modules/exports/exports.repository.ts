import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TeamPosition } from '@lintas/contracts';
import type { DataSource } from 'typeorm';
import { toTeamPosition, type PositionRow } from '../positions/position.mapper';

/** The reads only exports make: a team's track inside a time window, a page at a time. */
@Injectable()
export class ExportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Oldest first, after the exact time `after` (microseconds kept as text: the next page neither skips nor repeats). */
  async trackPage(
    teamId: string,
    window: { from: string | null; to: string | null },
    after: string | null,
    limit: number,
  ): Promise<{ positions: TeamPosition[]; last: string | null }> {
    const rows = (await this.dataSource.query(
      `SELECT team_id, lat, lon, heading, speed, accuracy, at,
              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS exact_at
         FROM team_positions
        WHERE team_id = $1
          AND ($2::timestamptz IS NULL OR at >= $2::timestamptz)
          AND ($3::timestamptz IS NULL OR at < $3::timestamptz)
          AND ($4::timestamptz IS NULL OR at > $4::timestamptz)
        ORDER BY at
        LIMIT $5`,
      [teamId, window.from, window.to, after, limit],
    )) as (PositionRow & { exact_at: string })[];
    return { positions: rows.map(toTeamPosition), last: rows.length === limit ? rows[rows.length - 1].exact_at : null };
  }
}
