import type { InterceptionDetails, Marking, Report, ReportChange, ReportKind, ReportStatus } from '@lintas/contracts';

/** A `reports` row joined with its origin agency, as the repository reads it. */
export interface ReportRow {
  id: string;
  client_id: string;
  operation_id: string;
  kind: ReportKind;
  status: ReportStatus;
  title: string;
  narrative: string;
  lat: number | null;
  lon: number | null;
  site_id: string | null;
  occurred_at: Date;
  received_at: Date;
  /** received_at in whole microseconds since 1970 (bigint as text), for the page cursor. */
  received_us: string;
  origin_agency_id: string;
  origin_agency_code: string;
  origin_agency_name: string;
  team_id: string | null;
  author_user_id: string;
  marking: Marking;
  recipient_agency_ids: string[];
  interception: InterceptionDetails | null;
  status_reason: string | null;
  status_by: string | null;
  status_at: Date | null;
  updated_at: Date;
  version: string;
}

export interface ReportHistoryRow {
  at: Date;
  user_id: string;
  user_name: string;
  agency_code: string;
  action: ReportChange['action'];
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
}

/** `version` overrides the stored one when the caller has just appended the report's event. */
export function toReport(row: ReportRow, version?: number): Report {
  return {
    id: row.id,
    clientId: row.client_id,
    operationId: row.operation_id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    narrative: row.narrative,
    lat: row.lat,
    lon: row.lon,
    siteId: row.site_id,
    occurredAt: row.occurred_at.toISOString(),
    receivedAt: row.received_at.toISOString(),
    originAgency: { id: row.origin_agency_id, code: row.origin_agency_code, name: row.origin_agency_name },
    teamId: row.team_id,
    authorUserId: row.author_user_id,
    marking: row.marking,
    recipientAgencyIds: row.recipient_agency_ids,
    interception: row.interception,
    statusReason: row.status_reason,
    statusBy: row.status_by,
    statusAt: row.status_at ? row.status_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
    version: version ?? Number(row.version),
  };
}

export function toReportChange(row: ReportHistoryRow): ReportChange {
  return {
    at: row.at.toISOString(),
    by: { userId: row.user_id, name: row.user_name, agencyCode: row.agency_code },
    action: row.action,
    changes: row.changes,
    reason: row.reason,
  };
}
