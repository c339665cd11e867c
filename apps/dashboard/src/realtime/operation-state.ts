import type { AgencyRequest, Operation, CompactOperationSnapshot, OperationEvent, OperationLessons, OperationSnapshot, Report, ReportSummary, Task, Team, TeamPosition, ThreadMessage, WatchedArea } from '@lintas/contracts';
import { applyTaskingEvent, mergeNewer, type TaskingAlert } from './tasking-state';
import { type TimelineEntry, timelineEntryOf } from './timeline';

/** The link to the live feed as the connection indicator shows it. */
export type ConnectionStatus = 'loading' | 'connecting' | 'catching-up' | 'live' | 'reconnecting' | 'offline' | 'failed' | 'revoked';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Events received since the catch-up began (shown while catching up). */
  catchUpCount: number;
  /** Why the link failed or access was withdrawn, for people. */
  message: string | null;
}

export interface TrailPoint {
  lat: number;
  lon: number;
  at: string;
}

/** Everything the operation view draws, keyed by id. Replaced, never mutated: components compare by identity. */
export interface OperationState {
  operation: Operation | null;
  teams: ReadonlyMap<string, Team>;
  /** Each report as the first screen needs it: a summary from the compact snapshot, the full report once one arrives (live or paged). */
  reports: ReadonlyMap<string, ReportSummary>;
  /** Tasks and requests between agencies the viewer may see (read over REST, then kept live). */
  tasks: ReadonlyMap<string, Task>;
  requests: ReadonlyMap<string, AgencyRequest>;
  /** Overdue tasks and escalated requests that concern this viewer, newest last. */
  taskingAlerts: readonly TaskingAlert[];
  /** Areas watched for a lapse without a team (read over REST, then kept live). */
  watchedAreas: ReadonlyMap<string, WatchedArea>;
  threadMessages: readonly ThreadMessage[];
  /** The after-action lessons as the live feed last brought them (`operation.lessons_saved`), or null. */
  lessons: OperationLessons | null;
  /** Each team's last few positions, oldest first: the short live trail. */
  trails: ReadonlyMap<string, readonly TrailPoint[]>;
  /** Newest first, capped. */
  timeline: readonly TimelineEntry[];
  /** The timeline's past has been read from the log (or could not be): an empty timeline then means a quiet operation. */
  historyLoaded: boolean;
  /** The last event seq applied; the resubscribe after a reconnect starts after it. */
  lastSeq: number;
  /** Client time (ms) of the last change applied from the server. */
  lastUpdateAt: number | null;
  connection: ConnectionState;
}

export type OperationAction =
  | { type: 'snapshot'; snapshot: OperationSnapshot | CompactOperationSnapshot; at: number }
  /** Older reports paged in after the snapshot (it carries the newest few thousand only). */
  | { type: 'reports-loaded'; reports: readonly ReportSummary[] }
  /** Recent log history for the timeline, oldest first, up to the snapshot's seq. */
  | { type: 'history-loaded'; events: readonly OperationEvent[] }
  /** Tasks and requests read over REST (the snapshot does not carry them). */
  | { type: 'tasking-loaded'; tasks: readonly Task[]; requests: readonly AgencyRequest[]; watchedAreas?: readonly WatchedArea[] }
  /** One animation frame's worth of live messages. */
  | { type: 'batch'; events: readonly OperationEvent[]; positions: readonly TeamPosition[]; at: number }
  | { type: 'connection'; status: ConnectionStatus; message?: string | null }
  | { type: 'caught-up' };

export const TIMELINE_LIMIT = 500;
export const TRAIL_POINTS = 12;
/** Trail points older than this (behind the newest) are dropped: the trail is short and live. */
export const TRAIL_MAX_AGE_MS = 30 * 60 * 1000;

export const initialOperationState: OperationState = {
  operation: null,
  teams: new Map(),
  reports: new Map(),
  tasks: new Map(),
  requests: new Map(),
  taskingAlerts: [],
  watchedAreas: new Map(),
  threadMessages: [],
  lessons: null,
  trails: new Map(),
  timeline: [],
  historyLoaded: false,
  lastSeq: 0,
  lastUpdateAt: null,
  connection: { status: 'loading', catchUpCount: 0, message: null },
};

/** The pure reducer behind the operation store. */
export function operationReducer(state: OperationState, action: OperationAction): OperationState {
  switch (action.type) {
    case 'snapshot':
      return fromSnapshot(state, action.snapshot, action.at);
    case 'reports-loaded':
      return mergeReports(state, action.reports);
    case 'history-loaded':
      return withHistory(state, action.events);
    case 'tasking-loaded':
      return {
        ...state,
        tasks: mergeNewer(state.tasks, action.tasks),
        requests: mergeNewer(state.requests, action.requests),
        // The REST list is the whole set: an area missing from it was removed while the link was down.
        watchedAreas: action.watchedAreas ? mergeNewer(new Map([...state.watchedAreas].filter(([id]) => action.watchedAreas!.some((area) => area.id === id))), action.watchedAreas) : state.watchedAreas,
      };
    case 'batch':
      return applyBatch(state, action.events, action.positions, action.at);
    case 'connection':
      return withConnection(state, action.status, action.message ?? null);
    case 'caught-up':
      return state.connection.status === 'catching-up' ? { ...state, connection: { ...state.connection, status: 'live' } } : state;
  }
}

function withConnection(state: OperationState, status: ConnectionStatus, message: string | null): OperationState {
  const current = state.connection;
  if (current.status === 'revoked') return state; // final
  if (current.status === status && current.message === message) return state;
  const catchUpCount = status === 'catching-up' ? 0 : current.catchUpCount;
  return { ...state, connection: { status, catchUpCount, message } };
}

function fromSnapshot(state: OperationState, snapshot: OperationSnapshot | CompactOperationSnapshot, at: number): OperationState {
  const teams = new Map(snapshot.teams.map((team) => [team.id, team]));
  const trails = new Map<string, TrailPoint[]>();
  for (const team of snapshot.teams) {
    // Keep a trail the live feed already drew when the snapshot is reloaded.
    const kept = state.trails.get(team.id);
    if (kept) trails.set(team.id, [...kept]);
    else if (team.lastPosition) trails.set(team.id, [pointOf(team.lastPosition)]);
  }
  return {
    ...state,
    operation: snapshot.operation,
    teams,
    reports: new Map(snapshot.reports.map((report) => [report.id, report])),
    trails,
    timeline: state.timeline.filter((entry) => entry.seq <= snapshot.seq),
    lastSeq: snapshot.seq,
    lastUpdateAt: at,
  };
}

function mergeReports(state: OperationState, incoming: readonly ReportSummary[]): OperationState {
  let reports: Map<string, ReportSummary> | null = null;
  for (const report of incoming) {
    const known = (reports ?? state.reports).get(report.id);
    if (known && known.version >= report.version) continue;
    reports ??= new Map(state.reports);
    reports.set(report.id, report);
  }
  return reports ? { ...state, reports } : state;
}

function withHistory(state: OperationState, events: readonly OperationEvent[]): OperationState {
  const known = new Set(state.timeline.map((entry) => entry.seq));
  const seen = new Map<string, Report>();
  const teamsSeen = new Map<string, Team>();
  const entries: TimelineEntry[] = [];
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq > state.lastSeq) break; // later ones come from the live feed
    const entry = timelineEntryOf(event, { report: reportIn(event, seen), team: teamIn(event, teamsSeen) });
    remember(event, seen, teamsSeen);
    if (!known.has(entry.seq)) entries.push(entry);
  }
  if (entries.length === 0) return state.historyLoaded ? state : { ...state, historyLoaded: true };
  const timeline = [...entries.reverse(), ...state.timeline].sort((a, b) => b.seq - a.seq).slice(0, TIMELINE_LIMIT);
  return { ...state, timeline, historyLoaded: true };
}

function applyBatch(state: OperationState, events: readonly OperationEvent[], positions: readonly TeamPosition[], at: number): OperationState {
  let operation = state.operation;
  let lessons = state.lessons;
  let teams: Map<string, Team> | null = null;
  let reports: Map<string, ReportSummary> | null = null;
  let trails: Map<string, readonly TrailPoint[]> | null = null;
  const entries: TimelineEntry[] = [];
  let lastSeq = state.lastSeq;
  let applied = 0;
  let tasking = { tasks: state.tasks, requests: state.requests, taskingAlerts: state.taskingAlerts, watchedAreas: state.watchedAreas, threadMessages: state.threadMessages };

  const teamsDraft = () => (teams ??= new Map(state.teams));
  const reportsDraft = () => (reports ??= new Map<string, ReportSummary>(state.reports));
  const trailsDraft = () => (trails ??= new Map(state.trails));

  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    if (event.seq <= lastSeq) continue; // delivered twice (a resubscribe overlapping the live feed): once is enough
    lastSeq = event.seq;
    applied++;
    const currentTeams = teams ?? state.teams;
    const currentReports = reports ?? state.reports;
    entries.push(
      timelineEntryOf(event, {
        report: 'report' in event ? currentReports.get(event.report.id) : undefined,
        team: 'team' in event ? currentTeams.get(event.team.id) : undefined,
      }),
    );
    switch (event.type) {
      case 'report.created':
      case 'report.updated': {
        const known = currentReports.get(event.report.id);
        if (!known || known.version <= event.report.version) reportsDraft().set(event.report.id, event.report);
        break;
      }
      case 'team.created':
      case 'team.updated': {
        const known = currentTeams.get(event.team.id);
        // The event's team may carry an older position than the live feed already gave.
        const lastPosition = newerPosition(known?.lastPosition ?? null, event.team.lastPosition);
        teamsDraft().set(event.team.id, { ...event.team, lastPosition });
        break;
      }
      case 'operation.updated':
        // The event does not carry the reader's role: the snapshot's stays.
        if (operation) operation = { ...event.operation, myRole: operation.myRole };
        break;
      case 'operation.participant_added':
        if (operation) {
          const others = operation.participants.filter((p) => p.agency.id !== event.participant.agency.id);
          operation = { ...operation, participants: [...others, event.participant] };
        }
        break;
      case 'operation.participant_removed':
        if (operation) operation = { ...operation, participants: operation.participants.filter((p) => p.agency.id !== event.agencyId) };
        break;
      case 'operation.site_attached':
        if (operation) operation = { ...operation, sites: [...operation.sites.filter((s) => s.id !== event.site.id), event.site] };
        break;
      case 'operation.site_detached':
        if (operation) operation = { ...operation, sites: operation.sites.filter((s) => s.id !== event.siteId) };
        break;
      case 'operation.lessons_saved':
        lessons = event.lessons;
        break;
      default:
        tasking = applyTaskingEvent(tasking, event);
    }
  }

  for (const position of positions) {
    const team = (teams ?? state.teams).get(position.teamId);
    if (!team) continue; // not visible to this viewer (the server filters; this is belt and braces)
    if (team.lastPosition && Date.parse(team.lastPosition.at) >= Date.parse(position.at)) continue; // older or the same
    teamsDraft().set(team.id, { ...team, lastPosition: position, stale: false });
    const trail = (trails ?? state.trails).get(team.id) ?? [];
    trailsDraft().set(team.id, extendTrail(trail, position));
    applied++;
  }

  if (applied === 0 && entries.length === 0) return state;
  const catchingUp = state.connection.status === 'catching-up';
  return {
    ...state,
    operation,
    lessons,
    teams: teams ?? state.teams,
    reports: reports ?? state.reports,
    ...tasking,
    trails: trails ?? state.trails,
    timeline: entries.length ? [...entries.reverse(), ...state.timeline].slice(0, TIMELINE_LIMIT) : state.timeline,
    lastSeq,
    lastUpdateAt: at,
    connection: catchingUp ? { ...state.connection, catchUpCount: state.connection.catchUpCount + events.length } : state.connection,
  };
}

export function extendTrail(trail: readonly TrailPoint[], position: TeamPosition): TrailPoint[] {
  const newest = Date.parse(position.at);
  const next = [...trail, pointOf(position)].filter((point) => newest - Date.parse(point.at) <= TRAIL_MAX_AGE_MS);
  return next.length > TRAIL_POINTS ? next.slice(next.length - TRAIL_POINTS) : next;
}

function newerPosition(a: TeamPosition | null, b: TeamPosition | null): TeamPosition | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b.at) >= Date.parse(a.at) ? b : a;
}

function pointOf(position: TeamPosition): TrailPoint {
  return { lat: position.lat, lon: position.lon, at: position.at };
}

function reportIn(event: OperationEvent, seen: Map<string, Report>): Report | undefined {
  return event.type === 'report.updated' ? seen.get(event.report.id) : undefined;
}

function teamIn(event: OperationEvent, seen: Map<string, Team>): Team | undefined {
  return event.type === 'team.updated' ? seen.get(event.team.id) : undefined;
}

function remember(event: OperationEvent, reports: Map<string, Report>, teams: Map<string, Team>): void {
  if (event.type === 'report.created' || event.type === 'report.updated') reports.set(event.report.id, event.report);
  if (event.type === 'team.created' || event.type === 'team.updated') teams.set(event.team.id, event.team);
}
