import { disclosedReference, type InterceptionDetails, type Marking, type Report, type ReportChange, type ReportKind, type ReportStatus, type Viewer } from '@lintas/contracts';

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
  /** The report's team (LEFT JOIN; null without a team): its marking decides who may learn its id. */
  team_agency_id: string | null;
  team_marking: Marking | null;
  team_recipient_agency_ids: string[] | null;
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

/**
 * `version` overrides the stored one when the caller has just appended the report's event.
 * `viewer`: a read for this viewer, who learns the team's id only if it may see the team (a
 * TLP:GREEN report of a TLP:AMBER team does not tell an observer the team exists). Without a
 * viewer (the writer's answer, the event payload) the id is kept: the writer's agency owns the team.
 */
export function toReport(row: ReportRow, version?: number, viewer?: Viewer): Report {
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
    teamId: viewer ? disclosedReference(row.team_id, teamOf(row), viewer) : row.team_id,
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

function teamOf(row: ReportRow) {
  if (row.team_id === null || row.team_agency_id === null || row.team_marking === null) return null;
  return { marking: row.team_marking, originAgencyId: row.team_agency_id, recipientAgencyIds: row.team_recipient_agency_ids };
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
