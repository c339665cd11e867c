import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DocumentCheckFiguresRow, DocumentCheckOutcome, DocumentCheckResult, DocumentType } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { ListHit } from './document-check-provider';
import type { DocumentCheckRow } from './document-check.mapper';

const SELECT_CHECK = `
  SELECT c.*, to_char(c.hit_reported_at, 'YYYY-MM-DD') AS hit_reported_on, la.code AS hit_list_agency_code, o.lead_agency_id
    FROM document_checks c
    JOIN operations o ON o.id = c.operation_id
    LEFT JOIN agencies la ON la.id = c.hit_list_agency_id`;

/** The check's audit entry (`document_check.create`, by the officer of the checking agency): never the number. */
export interface CheckAudit {
  details: { clientId: string; result: DocumentCheckResult; provider: string };
}

export interface NewCheckRow {
  clientId: string;
  operationId: string;
  teamId: string;
  siteId: string | null;
  checkingAgencyId: string;
  officerUserId: string;
  hash: Buffer;
  documentType: DocumentType;
  issuingCountry: string;
  result: DocumentCheckResult;
  hit: ListHit | null;
  /** The alert a potential hit raised (in the same transaction). */
  alertReportId: string | null;
}

/** SQL for document checks: the hash is written, never read back out of the API. */
@Injectable()
export class DocumentChecksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByClientId(clientId: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentCheckRow | null> {
    const rows = (await manager.query(`${SELECT_CHECK} WHERE c.client_id = $1`, [clientId])) as DocumentCheckRow[];
    return rows[0] ?? null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager, forUpdate = false): Promise<DocumentCheckRow | null> {
    const rows = (await manager.query(`${SELECT_CHECK} WHERE c.id = $1${forUpdate ? ' FOR UPDATE OF c' : ''}`, [id])) as DocumentCheckRow[];
    return rows[0] ?? null;
  }

  /**
   * The check and its audit entry in one statement (so in one transaction, even outside an explicit
   * one: a statement is atomic). Null when the client id was taken meanwhile (the unique index
   * decides), and then no audit entry is written either.
   */
  async insertIfAbsent(check: NewCheckRow, audit: CheckAudit, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; checked_at: Date } | null> {
    const rows = (await manager.query(
      `WITH c AS (
         INSERT INTO document_checks (client_id, operation_id, team_id, site_id, checking_agency_id, officer_user_id, doc_hash, document_type,
                                      issuing_country, result, hit_status, hit_source, hit_reported_at, hit_list_agency_id, alert_report_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $16)
         ON CONFLICT (client_id) DO NOTHING RETURNING id, checked_at
       ), a AS (
         INSERT INTO audit_log (user_id, agency_id, action, entity_type, entity_id, operation_id, details)
         SELECT $6, $5, 'document_check.create', 'document_check', c.id, $2, $15 FROM c
       )
       SELECT id, checked_at FROM c`,
      [
        check.clientId,
        check.operationId,
        check.teamId,
        check.siteId,
        check.checkingAgencyId,
        check.officerUserId,
        check.hash,
        check.documentType,
        check.issuingCountry,
        check.result,
        check.hit?.status ?? null,
        check.hit?.source ?? null,
        check.hit?.reportedAt ?? null,
        check.hit?.listAgencyId ?? null,
        audit.details,
        check.alertReportId,
      ],
    )) as { id: string; checked_at: Date }[];
    return rows[0] ?? null;
  }

  async setOutcome(manager: EntityManager, id: string, outcome: DocumentCheckOutcome, note: string, userId: string): Promise<void> {
    await manager.query('UPDATE document_checks SET outcome = $2, outcome_note = $3, outcome_by = $4, outcome_at = now() WHERE id = $1', [id, outcome, note, userId]);
  }

  /** The checks of one operation, newest first, that the caller's agency made or (not observing) may see. */
  async list(operationId: string, agencyId: string, includeOthers: boolean, limit: number): Promise<DocumentCheckRow[]> {
    return (await this.dataSource.query(
      `${SELECT_CHECK} WHERE c.operation_id = $1 AND (c.checking_agency_id = $2 OR $3) ORDER BY c.checked_at DESC LIMIT $4`,
      [operationId, agencyId, includeOthers, limit],
    )) as DocumentCheckRow[];
  }

  /** Checks, potential hits and confirmed hits per site and UTC day. */
  async figures(operationId: string, agencyId: string, includeOthers: boolean): Promise<DocumentCheckFiguresRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT site_id, to_char(checked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS checks,
              count(*) FILTER (WHERE result = 'potential_hit')::int AS potential_hits,
              count(*) FILTER (WHERE outcome = 'confirmed')::int AS confirmed_hits
         FROM document_checks
        WHERE operation_id = $1 AND (checking_agency_id = $2 OR $3)
        GROUP BY 1, 2 ORDER BY 2, 1`,
      [operationId, agencyId, includeOthers],
    )) as { site_id: string | null; day: string; checks: number; potential_hits: number; confirmed_hits: number }[];
    return rows.map((row) => ({ siteId: row.site_id, day: row.day, checks: row.checks, potentialHits: row.potential_hits, confirmedHits: row.confirmed_hits }));
  }
}
