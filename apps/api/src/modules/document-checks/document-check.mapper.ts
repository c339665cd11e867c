import type { DocumentCheck, DocumentCheckOutcome, DocumentCheckResult, DocumentListStatus, DocumentType } from '@lintas/contracts';

export interface DocumentCheckRow {
  id: string;
  client_id: string;
  operation_id: string;
  team_id: string;
  site_id: string | null;
  checking_agency_id: string;
  officer_user_id: string;
  document_type: DocumentType;
  issuing_country: string;
  result: DocumentCheckResult;
  hit_status: DocumentListStatus | null;
  hit_source: string | null;
  hit_reported_on: string | null;
  hit_list_agency_code: string | null;
  alert_report_id: string | null;
  outcome: DocumentCheckOutcome | null;
  outcome_note: string | null;
  outcome_by: string | null;
  outcome_at: Date | null;
  checked_at: Date;
  lead_agency_id: string;
}

/** A check as the API answers it: the hash stays in the database. */
export function toDocumentCheck(row: DocumentCheckRow): DocumentCheck {
  return {
    id: row.id,
    clientId: row.client_id,
    operationId: row.operation_id,
    teamId: row.team_id,
    siteId: row.site_id,
    checkingAgencyId: row.checking_agency_id,
    officerUserId: row.officer_user_id,
    documentType: row.document_type,
    issuingCountry: row.issuing_country,
    result: row.result,
    hit:
      row.result === 'potential_hit' && row.hit_status
        ? { status: row.hit_status, source: row.hit_source ?? '', reportedAt: row.hit_reported_on, listAgencyCode: row.hit_list_agency_code ?? '', alertReportId: row.alert_report_id }
        : null,
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    outcomeBy: row.outcome_by,
    outcomeAt: row.outcome_at ? new Date(row.outcome_at).toISOString() : null,
    checkedAt: new Date(row.checked_at).toISOString(),
  };
}
