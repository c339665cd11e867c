import type { Marking, OperationEvent, Report, ReportKind, ReportSummary, Team, TeamStatus } from '@lintas/contracts';

/** What a timeline line says happened; the text comes from the catalogue (`timeline.<kind>`). */
export type TimelineKind =
  | 'report.created'
  | 'report.amended'
  | 'report.verified'
  | 'report.rejected'
  | 'team.created'
  | 'team.status'
  | 'team.updated'
  | 'operation.updated'
  | 'operation.participant_added'
  | 'operation.participant_removed'
  | 'operation.site_attached'
  | 'operation.site_detached'
  | 'operation.lessons_saved'
  | 'task.created'
  | 'task.updated'
  | 'task.overdue'
  | 'task.left_area'
  | 'request.created'
  | 'request.updated'
  | 'request.escalated'
  | 'thread.message'
  | 'watched_area.created'
  | 'watched_area.lapsed'
  | 'watched_area.removed';

export interface TimelineEntry {
  seq: number;
  at: string;
  kind: TimelineKind;
  marking: Marking;
  originAgencyId: string;
  /** What the line is about: a report's title, a team's call sign, a site's or an agency's name. */
  subject: string;
  reportId?: string;
  reportKind?: ReportKind;
  teamId?: string;
  teamStatus?: TeamStatus;
  reason?: string | null;
  taskId?: string;
  requestId?: string;
  /** A task's or a request's state after the event. */
  state?: string;
}

/** Verdicts given at the event's time (within this much) count as the event's verdict when there is no earlier state to compare with. */
const VERDICT_MATCH_MS = 5_000;

/**
 * One event as a timeline line. `previousReport` / `previousTeam` are the item before the event
 * (from the store) so that an update can be told apart: verified, rejected, amended, status changed.
 */
export function timelineEntryOf(event: OperationEvent, previous: { report?: ReportSummary; team?: Team } = {}): TimelineEntry {
  const base = { seq: event.seq, at: event.at, marking: event.marking, originAgencyId: event.originAgencyId };
  switch (event.type) {
    case 'report.created':
      return { ...base, kind: 'report.created', subject: event.report.title, reportId: event.report.id, reportKind: event.report.kind };
    case 'report.updated': {
      const report = event.report;
      return { ...base, kind: reportChange(report, previous.report, event.at), subject: report.title, reportId: report.id, reportKind: report.kind, reason: report.statusReason };
    }
    case 'team.created':
      return { ...base, kind: 'team.created', subject: event.team.callSign, teamId: event.team.id, teamStatus: event.team.status };
    case 'team.updated': {
      const before = previous.team;
      const kind = before && before.status !== event.team.status ? 'team.status' : before ? 'team.updated' : 'team.status';
      return { ...base, kind, subject: event.team.callSign, teamId: event.team.id, teamStatus: event.team.status };
    }
    case 'operation.updated':
      return { ...base, kind: 'operation.updated', subject: event.operation.name };
    case 'operation.participant_added':
      return { ...base, kind: 'operation.participant_added', subject: event.participant.agency.code };
    case 'operation.participant_removed':
      return { ...base, kind: 'operation.participant_removed', subject: event.agency?.code ?? event.agencyId };
    case 'operation.site_attached':
      return { ...base, kind: 'operation.site_attached', subject: event.site.name };
    case 'operation.site_detached':
      return { ...base, kind: 'operation.site_detached', subject: event.siteId };
    case 'operation.lessons_saved':
      return { ...base, kind: 'operation.lessons_saved', subject: '' };
    case 'task.created':
    case 'task.updated':
    case 'task.overdue':
    case 'task.left_area':
      return { ...base, kind: event.type, subject: event.task.title, taskId: event.task.id, state: event.task.state, reason: event.task.stateReason };
    case 'request.created':
    case 'request.updated':
      return { ...base, kind: event.type, subject: event.request.subject, requestId: event.request.id, state: event.request.state, reason: event.request.stateReason };
    case 'request.escalated':
      return { ...base, kind: 'request.escalated', subject: event.requestId.slice(0, 8), requestId: event.requestId };
    case 'watched_area.created':
    case 'watched_area.lapsed':
      return { ...base, kind: event.type, subject: event.watchedArea.name };
    case 'watched_area.removed':
      return { ...base, kind: 'watched_area.removed', subject: '' };
    case 'thread.message': {
      const about = event.message.subject === 'task' ? { taskId: event.message.subjectId } : { requestId: event.message.subjectId };
      return { ...base, kind: 'thread.message', subject: `${event.message.agencyCode}: ${event.message.body.slice(0, 80)}`, ...about };
    }
  }
}

function reportChange(report: Report, before: ReportSummary | undefined, at: string): TimelineKind {
  // The acting commander's page stores the verdict from its own answer before the event arrives:
  // a stored copy at this version (or newer) is not "before", so the verdict rule below applies.
  if (before && before.version < report.version) {
    if (before.status !== report.status && report.status !== 'reported') return report.status === 'verified' ? 'report.verified' : 'report.rejected';
    return 'report.amended';
  }
  // Seen for the first time (history loaded from the log), or already applied: a verdict given at this event's time is this event.
  if (report.status !== 'reported' && report.statusAt && Math.abs(Date.parse(report.statusAt) - Date.parse(at)) <= VERDICT_MATCH_MS) {
    return report.status === 'verified' ? 'report.verified' : 'report.rejected';
  }
  return 'report.amended';
}
