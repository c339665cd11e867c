import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** What one operation's erasure did. */
export interface ErasedCounts {
  checkHashes: number;
  reports: number;
  historyEntries: number;
  events: number;
}

export const REDACTED = '[redacted: retention period after the operation closed]';

/** SQL of the retention rule: erases what identifies people, keeps the counts and figures. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  /** One run at a time across instances: false when another instance holds the lock. */
  async tryLock(manager: EntityManager): Promise<boolean> {
    const [row] = (await manager.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('lintas-retention', 0)) AS locked`)) as { locked: boolean }[];
    return row.locked;
  }

  async operationsDue(manager: EntityManager, cutoff: Date): Promise<{ id: string; code: string }[]> {
    return (await manager.query(
      `SELECT id, code FROM operations
        WHERE status = 'closed' AND closed_at IS NOT NULL AND closed_at <= $1 AND personal_data_erased_at IS NULL
        ORDER BY closed_at FOR UPDATE`,
      [cutoff],
    )) as { id: string; code: string }[];
  }

  async erase(manager: EntityManager, operationId: string, at: Date): Promise<ErasedCounts> {
    const count = async (sql: string, params: unknown[]) => {
      const result = (await manager.query(sql, params)) as [unknown[], number];
      return result[1];
    };
    const checkHashes = await count('UPDATE document_checks SET doc_hash = NULL, outcome_note = CASE WHEN outcome_note IS NULL THEN NULL ELSE $2 END WHERE operation_id = $1 AND doc_hash IS NOT NULL', [operationId, REDACTED]);
    const reports = await count(
      `UPDATE reports SET narrative = CASE WHEN narrative = '' THEN '' ELSE $2 END,
                          status_reason = CASE WHEN status_reason IS NULL THEN NULL ELSE $2 END
        WHERE operation_id = $1 AND (narrative NOT IN ('', $2) OR status_reason NOT IN ($2))`,
      [operationId, REDACTED],
    );
    const historyEntries = await count(
      `UPDATE report_history h
          SET reason = CASE WHEN h.reason IS NULL THEN NULL ELSE $2 END,
              changes = CASE WHEN h.changes ? 'narrative' THEN jsonb_set(h.changes, '{narrative}', jsonb_build_array($2::text, $2::text)) ELSE h.changes END
         FROM reports r
        WHERE r.id = h.report_id AND r.operation_id = $1 AND ((h.reason IS NOT NULL AND h.reason <> $2) OR h.changes ? 'narrative')`,
      [operationId, REDACTED],
    );
    const events = await count(
      `UPDATE operation_events
          SET payload = jsonb_set(jsonb_set(payload, '{report,narrative}', to_jsonb(CASE WHEN payload->'report'->>'narrative' = '' THEN '' ELSE $2::text END)),
                                  '{report,statusReason}', CASE WHEN payload->'report'->'statusReason' = 'null'::jsonb THEN 'null'::jsonb ELSE to_jsonb($2::text) END)
        WHERE operation_id = $1 AND payload ? 'report'`,
      [operationId, REDACTED],
    );
    await manager.query('UPDATE operations SET personal_data_erased_at = $2 WHERE id = $1', [operationId, at]);
    return { checkHashes, reports, historyEntries, events };
  }
}
