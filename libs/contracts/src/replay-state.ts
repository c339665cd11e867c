import type { OperationEvent, OperationUpdate } from './events';
import { canView, type Viewer } from './marking';
import type { Report } from './reports';
import type { Team } from './teams';

/**
 * The picture of an operation at a moment, as the event log tells it: the newest event of each
 * report and team up to that moment, kept when the viewer may see the item as that event marked
 * it. A report raised from TLP:GREEN to TLP:RED is gone for an observer from the raise on; one
 * released later appears only from its release. This is the rule the replay's SQL answers; the
 * tests hold the two against each other, and the player uses it between two server answers.
 */
export interface ReplayedItems {
  reports: Map<string, Report>;
  teams: Map<string, Team>;
  /** The newest seq at or before the moment (visible or not). */
  seq: number;
}

export function replayItems(events: readonly OperationEvent[], at: string, viewer: Viewer): ReplayedItems {
  const cut = Date.parse(at);
  const newest = new Map<string, OperationEvent>();
  let seq = 0;
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (Date.parse(event.at) > cut) continue;
    seq = Math.max(seq, event.seq);
    const id = itemIdOf(event);
    if (id) newest.set(id, event);
  }
  const reports = new Map<string, Report>();
  const teams = new Map<string, Team>();
  for (const event of newest.values()) {
    if (!canView(event, viewer)) continue;
    if (event.type === 'report.created' || event.type === 'report.updated') reports.set(event.report.id, event.report);
    if (event.type === 'team.created' || event.type === 'team.updated') teams.set(event.team.id, event.team);
  }
  return { reports, teams, seq };
}

/** The report or team an event carries, or null for the operation's own events. */
export function itemIdOf(event: OperationEvent): string | null {
  if (event.type === 'report.created' || event.type === 'report.updated') return event.report.id;
  if (event.type === 'team.created' || event.type === 'team.updated') return event.team.id;
  return null;
}

/** One operation event applied to the operation (the others leave it as it is). */
export function applyOperationEvent(operation: OperationUpdate, event: OperationEvent): OperationUpdate {
  switch (event.type) {
    case 'operation.updated':
      return event.operation;
    case 'operation.participant_added':
      return {
        ...operation,
        participants: [...operation.participants.filter((p) => p.agency.id !== event.participant.agency.id), event.participant],
      };
    case 'operation.participant_removed':
      return { ...operation, participants: operation.participants.filter((p) => p.agency.id !== event.agencyId) };
    case 'operation.site_attached':
      return { ...operation, sites: [...operation.sites.filter((s) => s.id !== event.site.id), event.site] };
    case 'operation.site_detached':
      return { ...operation, sites: operation.sites.filter((s) => s.id !== event.siteId) };
    default:
      return operation;
  }
}
