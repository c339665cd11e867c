import type { Marking, Team, TeamMember, TeamStatus } from '@lintas/contracts';

export interface TeamRow {
  id: string;
  operation_id: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  call_sign: string;
  size: number;
  status: TeamStatus;
  site_id: string | null;
  marking: Marking;
  recipient_agency_ids: string[];
  last_lat: number | null;
  last_lon: number | null;
  last_heading: number | null;
  last_speed: number | null;
  last_accuracy: number | null;
  last_position_at: Date | null;
  created_at: Date;
  updated_at: Date;
  members: TeamMember[];
}

/** `stale`: no position yet, or the last one is older than the configured age. */
export function toTeam(row: TeamRow, staleAfterSeconds: number, now = Date.now()): Team {
  const positionAt = row.last_position_at ? new Date(row.last_position_at) : null;
  const hasPosition = positionAt !== null && row.last_lat !== null && row.last_lon !== null;
  return {
    id: row.id,
    operationId: row.operation_id,
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    callSign: row.call_sign,
    size: row.size,
    status: row.status,
    siteId: row.site_id,
    members: row.members,
    marking: row.marking,
    recipientAgencyIds: row.recipient_agency_ids,
    lastPosition: hasPosition
      ? {
          teamId: row.id,
          lat: Number(row.last_lat),
          lon: Number(row.last_lon),
          heading: row.last_heading === null ? null : Number(row.last_heading),
          speed: row.last_speed === null ? null : Number(row.last_speed),
          accuracy: row.last_accuracy === null ? null : Number(row.last_accuracy),
          at: positionAt.toISOString(),
        }
      : null,
    stale: !hasPosition || now - positionAt.getTime() > staleAfterSeconds * 1000,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
