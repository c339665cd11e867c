import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** An ISO-8601 UTC text of a timestamptz, as the API writes times (`toISOString`). */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The demo is written through the services within a second, so every recorded time would say "just
 * now" and the timeline would show one instant. For a demo operation made in this run, this spreads
 * the recorded times over the story the demo data tells: a report is received two minutes after it
 * happened and judged twenty minutes after that (never later than now), the setup (participants, sites, teams) happens at
 * the operation's start, and times never go backwards along the event sequence. The audit trail
 * keeps the true times: it is append-only, and it should say when the demo was seeded.
 */
@Injectable()
export class DemoHistoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async spreadOverTheStory(operationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE reports SET received_at = least(occurred_at + interval '2 minutes', now()),
                            status_at = CASE WHEN status_at IS NULL THEN NULL ELSE least(occurred_at + interval '22 minutes', now()) END,
                            updated_at = least(occurred_at + CASE WHEN status_at IS NULL THEN interval '2 minutes' ELSE interval '22 minutes' END, now())
          WHERE operation_id = $1`,
        [operationId],
      );
      await manager.query(
        `UPDATE report_history h
            SET at = CASE WHEN h.action = 'created' THEN r.received_at ELSE coalesce(r.status_at, r.updated_at) END
           FROM reports r
          WHERE r.id = h.report_id AND r.operation_id = $1`,
        [operationId],
      );
      await manager.query(
        `WITH target AS (
           SELECT e.seq,
                  CASE WHEN e.type = 'report.created' THEN r.received_at
                       WHEN e.type = 'report.updated' THEN r.updated_at
                       ELSE o.starts_at + e.seq * interval '1 second' END AS at,
                  CASE WHEN r.id IS NULL THEN e.payload ELSE
                    jsonb_set(jsonb_set(jsonb_set(e.payload,
                      '{report,receivedAt}', to_jsonb(${iso('r.received_at')})),
                      '{report,updatedAt}', to_jsonb(${iso("CASE WHEN e.type = 'report.created' THEN r.received_at ELSE r.updated_at END")})),
                      '{report,statusAt}', CASE WHEN e.type = 'report.created' OR r.status_at IS NULL THEN 'null'::jsonb ELSE to_jsonb(${iso('r.status_at')}) END)
                  END AS payload
             FROM operation_events e
             JOIN operations o ON o.id = e.operation_id
             LEFT JOIN reports r ON r.id = (e.payload -> 'report' ->> 'id')::uuid
            WHERE e.operation_id = $1
         ), monotonic AS (
           SELECT seq, payload, least(max(at) OVER (ORDER BY seq), now()) AS at FROM target
         )
         UPDATE operation_events e SET at = m.at, payload = m.payload
           FROM monotonic m
          WHERE e.operation_id = $1 AND e.seq = m.seq`,
        [operationId],
      );
    });
  }
}
