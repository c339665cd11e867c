import { canView, type MarkedItem, type OperationEvent, type Viewer } from '@lintas/contracts';
import type { TeamMarkingRow } from '../modules/teams/teams.repository';

/** A report event and the team it names. */
type ReportEvent = Extract<OperationEvent, { type: 'report.created' | 'report.updated' }>;

/**
 * What the live stream of one operation knows of its teams' markings: loaded when the stream
 * starts, then kept current by the team events it emits, in seq order. A report event names its
 * team only to viewers who may see that team (a TLP:GREEN report of a TLP:AMBER team does not tell an
 * observer the team exists); the REST reads and the event log's reads do the same in SQL.
 */
export class TeamMarkings {
  private readonly teams = new Map<string, MarkedItem>();

  /** The teams as the database holds them when the stream starts. */
  load(rows: readonly TeamMarkingRow[]): void {
    for (const row of rows) this.teams.set(row.id, { marking: row.marking, originAgencyId: row.agency_id, recipientAgencyIds: row.recipient_agency_ids });
  }

  /** Follows the stream: a created or re-marked team. */
  note(event: OperationEvent): void {
    if (event.type !== 'team.created' && event.type !== 'team.updated') return;
    const { team } = event;
    this.teams.set(team.id, { marking: team.marking, originAgencyId: team.agency.id, recipientAgencyIds: team.recipientAgencyIds });
  }

  /**
   * The team a report event names, as a marked item; `null` when the event names none. A team the
   * stream has not seen (it cannot happen: a team is committed before a report names it) is taken
   * as visible to the report's own agency only.
   */
  teamNamedBy(event: OperationEvent): MarkedItem | null {
    const teamId = reportEvent(event)?.report.teamId ?? null;
    if (teamId === null) return null;
    return this.teams.get(teamId) ?? { marking: 'TLP:RED', originAgencyId: event.originAgencyId, recipientAgencyIds: [] };
  }

  /** The event as this viewer may read it. */
  disclose(event: OperationEvent, viewer: Viewer): OperationEvent {
    const team = this.teamNamedBy(event);
    return team === null || canView(team, viewer) ? event : withoutTeam(event);
  }
}

/** The report event with its team reference removed. */
export function withoutTeam(event: OperationEvent): OperationEvent {
  const report = reportEvent(event);
  if (!report) return event;
  return { ...report, report: { ...report.report, teamId: null } };
}

function reportEvent(event: OperationEvent): ReportEvent | null {
  return event.type === 'report.created' || event.type === 'report.updated' ? event : null;
}
