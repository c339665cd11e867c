import type { AgencyRef, Operation, OperationParticipant, OperationRole, OperationStatus, OperationSummary, OperationUpdate, Polygon } from '@lintas/contracts';
import { toSite, type SiteRow } from '../sites/site.mapper';

export interface OperationRow {
  id: string;
  code: string;
  name: string;
  description: string;
  status: OperationStatus;
  exercise: boolean;
  time_zone: string;
  starts_at: Date | null;
  ends_at: Date | null;
  area: Polygon | null;
  created_at: Date;
  updated_at: Date;
  lead_agency_id: string;
  lead_agency_code: string;
  lead_agency_name: string;
}

export interface ParticipantRow {
  agency_id: string;
  agency_code: string;
  agency_name: string;
  role: OperationRole;
}

export interface OperationCountsRow {
  id: string;
  teams: string;
  reports_today: string;
  open_alerts: string;
}

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

function leadAgency(row: OperationRow): AgencyRef {
  return { id: row.lead_agency_id, code: row.lead_agency_code, name: row.lead_agency_name };
}

export function toParticipant(row: ParticipantRow): OperationParticipant {
  return { agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name }, role: row.role };
}

export function toOperationSummary(row: OperationRow, myRole: OperationRole, counts?: OperationCountsRow): OperationSummary {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    exercise: row.exercise,
    leadAgency: leadAgency(row),
    myRole,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    ...(counts
      ? { counts: { teams: Number(counts.teams), reportsToday: Number(counts.reports_today), openAlerts: Number(counts.open_alerts) } }
      : {}),
  };
}

export function toOperation(row: OperationRow, myRole: OperationRole, participants: ParticipantRow[], sites: SiteRow[]): Operation {
  return {
    ...toOperationSummary(row, myRole),
    description: row.description,
    timeZone: row.time_zone,
    area: row.area,
    participants: participants.map(toParticipant),
    sites: sites.map(toSite),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** The operation for its `operation.updated` event: every member reads it, so not the writer's own role. */
export function toOperationUpdate(operation: Operation): OperationUpdate {
  const { myRole: _writersRole, ...update } = operation;
  return update;
}
