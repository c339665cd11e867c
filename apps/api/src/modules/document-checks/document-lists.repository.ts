import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentListStatus } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListHit } from './document-check-provider';
import type { PackedEntryParameters } from './packed-entry-batch';

export interface ListInForce {
  version: number;
  fileSha256: string;
  rowCount: number;
}

/** SQL for the imported lists: entries are keyed hashes, never numbers. */
@Injectable()
export class DocumentListsRepository {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  async agencyIdByCode(code: string): Promise<string | null> {
    const rows = (await this.dataSource.query('SELECT id FROM agencies WHERE code = $1', [code])) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async findEntry(hash: Buffer, manager: EntityManager = this.dataSource.manager): Promise<ListHit | null> {
    const rows = (await manager.query(
      `SELECT e.status, e.source, to_char(e.reported_at, 'YYYY-MM-DD') AS reported_at, e.agency_id, a.code
         FROM document_list_entries e JOIN agencies a ON a.id = e.agency_id
        WHERE e.doc_hash = $1
        ORDER BY e.reported_at DESC NULLS LAST LIMIT 1`,
      [hash],
    )) as { status: DocumentListStatus; source: string; reported_at: string | null; agency_id: string; code: string }[];
    const row = rows[0];
    return row ? { status: row.status, source: row.source, reportedAt: row.reported_at, listAgencyId: row.agency_id, listAgencyCode: row.code } : null;
  }

  /** The agency's list in force, locked until COMMIT: imports of one agency's list run one after the other. */
  async lockListInForce(manager: EntityManager, agencyId: string): Promise<ListInForce | null> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`document-list:${agencyId}`]);
    const rows = (await manager.query('SELECT version, file_sha256, row_count FROM document_lists WHERE agency_id = $1', [agencyId])) as {
      version: number;
      file_sha256: string;
      row_count: number;
    }[];
    const row = rows[0];
    return row ? { version: row.version, fileSha256: row.file_sha256, rowCount: row.row_count } : null;
  }

  async deleteEntries(manager: EntityManager, agencyId: string): Promise<void> {
    await manager.query('DELETE FROM document_list_entries WHERE agency_id = $1', [agencyId]);
  }

  /**
   * One statement per batch, from its packed form: the hashes cut out of one bytea, status and
   * source looked up by index, the date counted in days from 1970-01-01 (-1: none).
   */
  async insertEntries(manager: EntityManager, agencyId: string, batch: PackedEntryParameters): Promise<void> {
    if (batch[3].length === 0) return;
    await manager.query(
      `INSERT INTO document_list_entries (agency_id, doc_hash, status, source, reported_at)
       SELECT $1, substring($2::bytea FROM (e.n::int - 1) * 32 + 1 FOR 32), ($3::text[])[e.status + 1], ($4::text[])[e.source + 1],
              CASE WHEN e.day < 0 THEN NULL ELSE DATE '1970-01-01' + e.day END
         FROM unnest($5::int[], $6::int[], $7::int[]) WITH ORDINALITY AS e(status, source, day, n)`,
      [agencyId, ...batch],
    );
  }

  /**
   * VACUUM (ANALYZE) of the entries after an import has committed (it cannot run inside the import's
   * transaction): the planner's row counts, the pages' visibility and the old version's dead rows are
   * settled now, once, instead of by an autovacuum worker a minute later while checks are answered.
   */
  async settleAfterImport(manager: EntityManager): Promise<void> {
    await manager.query('VACUUM (ANALYZE) document_list_entries');
  }

  async saveListInForce(manager: EntityManager, agencyId: string, list: ListInForce, userId: string): Promise<void> {
    await manager.query(
      `INSERT INTO document_lists (agency_id, version, file_sha256, row_count, imported_at, imported_by)
       VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (agency_id) DO UPDATE SET version = EXCLUDED.version, file_sha256 = EXCLUDED.file_sha256,
         row_count = EXCLUDED.row_count, imported_at = now(), imported_by = EXCLUDED.imported_by`,
      [agencyId, list.version, list.fileSha256, list.rowCount, userId],
    );
  }
}
