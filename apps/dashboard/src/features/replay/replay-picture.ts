import type { Operation, ReplayedState, Report, Team, TeamPosition, Viewer } from '@lintas/contracts';
import { type ConnectionState, initialOperationState, type OperationState, TIMELINE_LIMIT, TRAIL_MAX_AGE_MS, type TrailPoint } from '../../realtime/operation-state';
import { type TimelineEntry, timelineEntryOf } from '../../realtime/timeline';
import { SpanKeyframes } from './replay-keyframes';
import { lastAtOrBefore, positionAt, type ReplaySpan, spanFor, trailOf, withRole } from './replay-spans';

/** Timeline lines read backwards from the log before what the spans hold, newest first. */
export interface ReplayEarlier {
  /** The replay period's start: a span whose base is at it holds every line since. */
  periodStart: number;
  entries: readonly TimelineEntry[];
  /** The lowest seq read so far (the next page ends before it), or null before the first page. */
  oldestSeq: number | null;
  /** The log holds nothing older. */
  complete: boolean;
}

export const NO_EARLIER: ReplayEarlier = { periodStart: -Infinity, entries: [], oldestSeq: null, complete: true };

interface Fold {
  span: ReplaySpan;
  /** Events and withdrawals at or before the moment: the same counts fold to the same state. */
  events: number;
  withdrawals: number;
  state: ReplayedState;
}

/**
 * The operation view's state at replayed moments, from the spans the player holds. Moments are
 * drawn one after the other, so each is computed from the last where it can (folding on only the
 * events between them), and what did not change keeps its identity, down to the maps: the map
 * layers' keyed reconcile and the view's memos then redo only what changed.
 */
export class ReplayPicture {
  private fold: Fold | null = null;
  private previous: OperationState | null = null;
  private readonly teamMemo = new Map<string, { source: Team; position: TeamPosition | null; result: Team }>();
  private readonly trailMemo = new Map<string, { span: ReplaySpan; start: number; end: number; last: TeamPosition | null; result: readonly TrailPoint[] }>();
  private readonly timelines = new WeakMap<ReplaySpan, { times: number[]; entries: TimelineEntry[]; firstSeq: number }>();
  private readonly keyframes = new WeakMap<ReplaySpan, SpanKeyframes>();
  private operationMemo: { folded: ReplayedState['operation']; base: Operation; result: Operation } | null = null;
  private timelineMemo: { span: ReplaySpan; count: number; limit: number; earlier: ReplayEarlier; result: readonly TimelineEntry[] } | null = null;
  /** The timeline's reach: lines up to the moment, at most this many, and the older lines read from the log on demand. */
  private timelineLimit = TIMELINE_LIMIT;
  private earlier: ReplayEarlier = NO_EARLIER;
  /** Where the lines held for the last moment end: the seq the log is read backwards from, or null when they reach the period's start. */
  timelineBefore: number | null = null;

  /** The last moment drawn (to the second), or null before the first. */
  drawnAt: number | null = null;

  /** Whether a moment has been drawn. */
  get drawn(): boolean {
    return this.previous !== null;
  }

  constructor(private readonly viewer: Viewer) {}

  /**
   * The state at `at`, or null when no span holds it yet. `holdItems`: keep the reports, the
   * timeline and the trails of the previous moment (play refreshes them less often than positions).
   */
  stateAt(spans: readonly ReplaySpan[], at: number, connection: ConnectionState, holdItems = false): OperationState | null {
    const span = spanFor(spans, at);
    if (!span?.base) return null;
    this.drawnAt = Math.floor(at / 1000) * 1000;
    const previous = this.previous;
    const hold = holdItems && previous !== null;
    const folded = hold && this.fold ? this.fold.state : this.foldTo(span, at);
    const operation = this.operationOf(folded.operation, span.base.operation);
    const teams = this.teamsAt(spans, span, folded.teams, at);
    // Held too: every trail changes at each moment of play, and redrawing them all is what costs; the
    // teams layer draws each trail on to its team's position meanwhile.
    const trails = hold ? previous.trails : this.trailsAt(spans, teams, at);
    const timeline = hold ? previous.timeline : this.timelineAt(spans, at);
    const reports = folded.reports;
    if (
      previous &&
      previous.operation === operation &&
      previous.reports === reports &&
      previous.teams === teams &&
      previous.trails === trails &&
      previous.timeline === timeline &&
      previous.lastSeq === folded.seq &&
      previous.connection === connection
    ) {
      return previous;
    }
    const state: OperationState = {
      ...initialOperationState,
      operation,
      reports,
      teams,
      trails,
      timeline,
      historyLoaded: true,
      lastSeq: folded.seq,
      lastUpdateAt: at,
      connection,
    };
    this.previous = state;
    return state;
  }

  /** The same object while the folded operation is the same: the view's memos on it hold. */
  private operationOf(folded: ReplayedState['operation'], base: Operation): Operation {
    if (this.operationMemo && this.operationMemo.folded === folded && this.operationMemo.base === base) return this.operationMemo.result;
    const result = withRole(folded, base);
    this.operationMemo = { folded, base, result };
    return result;
  }

  private foldTo(span: ReplaySpan, at: number): ReplayedState {
    const frames = this.keyframesOf(span);
    const events = frames.eventsUpTo(at);
    const withdrawals = frames.withdrawalsUpTo(at);
    const last = this.fold;
    if (last && last.span === span && last.events === events && last.withdrawals === withdrawals) return last.state;
    // From the last moment when it is between the nearest keyframe and this one, else from that keyframe.
    const state = frames.stateAt(at, last && last.span === span ? last.state : null);
    this.fold = { span, events, withdrawals, state };
    return state;
  }

  private keyframesOf(span: ReplaySpan): SpanKeyframes {
    let known = this.keyframes.get(span);
    if (!known) {
      known = new SpanKeyframes(span, this.viewer);
      this.keyframes.set(span, known);
    }
    return known;
  }

  private teamsAt(spans: readonly ReplaySpan[], span: ReplaySpan, teams: ReadonlyMap<string, Team>, at: number): ReadonlyMap<string, Team> {
    const before = this.previous?.teams;
    let changed = !before || before.size !== teams.size;
    const next = new Map<string, Team>();
    for (const [id, team] of teams) {
      const position = newest([positionAt(spans, id, at), span.base!.teams.get(id)?.lastPosition ?? null, team.lastPosition], at);
      const memo = this.teamMemo.get(id);
      let result: Team;
      if (memo && memo.source === team && memo.position === position) result = memo.result;
      else {
        result = position === team.lastPosition ? team : { ...team, lastPosition: position, stale: false };
        this.teamMemo.set(id, { source: team, position, result });
      }
      next.set(id, result);
      if (!changed && before!.get(id) !== result) changed = true;
    }
    return changed || !before ? next : before;
  }

  private trailsAt(spans: readonly ReplaySpan[], teams: ReadonlyMap<string, Team>, at: number): ReadonlyMap<string, readonly TrailPoint[]> {
    const before = this.previous?.trails;
    let changed = !before;
    const next = new Map<string, readonly TrailPoint[]>();
    for (const team of teams.values()) {
      const found = trailOf(spans, team.id, at, TRAIL_MAX_AGE_MS);
      const last = team.lastPosition;
      const memo = this.trailMemo.get(team.id);
      let result: readonly TrailPoint[];
      if (memo && found && memo.span === found.span && memo.start === found.start && memo.end === found.end && memo.last === last) result = memo.result;
      else {
        const points: TrailPoint[] = found ? found.span.tracks.get(team.id)!.positions.slice(found.start, found.end) : [];
        const newestPoint = points.at(-1);
        if (last && (!newestPoint || Date.parse(last.at) > Date.parse(newestPoint.at))) points.push(last);
        result = points;
        if (found) this.trailMemo.set(team.id, { ...found, last, result });
      }
      if (result.length === 0) continue;
      next.set(team.id, result);
      if (!changed && before!.get(team.id) !== result) changed = true;
    }
    if (before && !changed && before.size !== next.size) changed = true;
    return changed || !before ? next : before;
  }

  /**
   * How far back the timeline reaches: at most `limit` lines up to the moment, and the lines read
   * backwards from the log before what the spans hold (`earlier`, oldest last). Takes effect with
   * the next moment drawn (`stateAt`).
   */
  setTimelineReach(limit: number, earlier: ReplayEarlier): void {
    this.timelineLimit = limit;
    this.earlier = earlier;
  }

  /**
   * The newest entries up to the moment: the span that reaches furthest back (the timeline's
   * past), then, where its events begin after the period's start, the older lines read from the log.
   */
  private timelineAt(spans: readonly ReplaySpan[], at: number): readonly TimelineEntry[] {
    let span: ReplaySpan | null = null;
    for (const candidate of spans) if (candidate.base && candidate.from <= at && at <= candidate.coveredTo && (!span || candidate.from < span.from)) span = candidate;
    if (!span) return [];
    const { times, entries, firstSeq } = this.timelineOf(span);
    const count = lastAtOrBefore(times, at) + 1;
    const limit = this.timelineLimit;
    const earlier = this.earlier;
    // The span's events are all there is since the period's start (the overview's are), or older lines are read before its first seq.
    const reachesStart = span.base!.at <= earlier.periodStart;
    this.timelineBefore = reachesStart || count >= limit ? null : Math.min(firstSeq, earlier.oldestSeq ?? Infinity);
    const memo = this.timelineMemo;
    if (memo && memo.span === span && memo.count === count && memo.limit === limit && memo.earlier === earlier) return memo.result;
    let result = entries.slice(Math.max(0, count - limit), count).reverse();
    if (!reachesStart && result.length < limit && earlier.entries.length > 0) {
      const older = earlier.entries.filter((entry) => entry.seq < firstSeq && Date.parse(entry.at) <= at);
      result = [...result, ...older.slice(0, limit - result.length)];
    }
    this.timelineMemo = { span, count, limit, earlier, result };
    return result;
  }

  private timelineOf(span: ReplaySpan): { times: number[]; entries: TimelineEntry[]; firstSeq: number } {
    let known = this.timelines.get(span);
    if (!known) {
      // Each update told apart (verified, amended, status changed) by the item before it.
      const reports = new Map<string, Report>(span.base?.reports);
      const teams = new Map<string, Team>(span.base?.teams);
      let entries: TimelineEntry[] = [];
      for (const event of span.events) {
        entries.push(timelineEntryOf(event, { report: 'report' in event ? reports.get(event.report.id) : undefined, team: 'team' in event ? teams.get(event.team.id) : undefined }));
        if (event.type === 'report.created' || event.type === 'report.updated') reports.set(event.report.id, event.report);
        if (event.type === 'team.created' || event.type === 'team.updated') teams.set(event.team.id, event.team);
      }
      // In time order (seq order within a moment): the timeline up to a moment is a prefix.
      entries = entries.map((entry, index) => ({ entry, index, time: Date.parse(entry.at) })).sort((a, b) => a.time - b.time || a.index - b.index).map(({ entry }) => entry);
      known = { times: entries.map((entry) => Date.parse(entry.at)), entries, firstSeq: span.events.reduce((lowest, event) => Math.min(lowest, event.seq), span.base?.seq !== undefined ? span.base.seq + 1 : Infinity) };
      this.timelines.set(span, known);
    }
    return known;
  }

}

/** The newest of the positions at or before the moment. */
function newest(positions: readonly (TeamPosition | null)[], at: number): TeamPosition | null {
  let best: TeamPosition | null = null;
  let bestTime = -Infinity;
  for (const position of positions) {
    if (!position) continue;
    const time = Date.parse(position.at);
    if (time <= at && time > bestTime) {
      best = position;
      bestTime = time;
    }
  }
  return best;
}
