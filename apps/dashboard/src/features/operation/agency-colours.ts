import type { OperationParticipant } from '@lintas/contracts';

/** Distinct on the dark and the light map alike; the lead agency always gets the first. */
export const AGENCY_PALETTE = ['#3d9df2', '#f08a24', '#b36ef0', '#27b37a', '#e8508f', '#c9b52a', '#29b8c2', '#9a8cff'];

/** A colour per agency of the operation, stable for a given set of participants. */
export function agencyColours(participants: readonly OperationParticipant[]): Map<string, string> {
  const rank = { lead: 0, participant: 1, observer: 2 } as const;
  const ordered = [...participants].sort((a, b) => rank[a.role] - rank[b.role] || a.agency.code.localeCompare(b.agency.code));
  return new Map(ordered.map((participant, index) => [participant.agency.id, AGENCY_PALETTE[index % AGENCY_PALETTE.length]]));
}

export const UNKNOWN_AGENCY_COLOUR = '#8a9bb0';
