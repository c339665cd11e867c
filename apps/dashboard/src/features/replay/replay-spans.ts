import type { Operation, OperationEvent, OperationSnapshot, Report, ReplayMark, ReplayWindow, ReplayWithdrawal, Team, TeamPosition, Viewer } from '@lintas/contracts';
import { foldReplay } from '@lintas/contracts/plain';

/**
 * A stretch of the replay the player holds: the events the server gave this viewer for it (and
 * the withdrawals, the marks, the teams' thinned tracks) and, once known, the state at its start.
 * Any moment inside it is the base with the span's events folded on (`foldReplay`): scrubbing and
 * playing inside a loaded span never wait for the server.
 */
export interface ReplaySpan {
  from: number;
  to: number;
  /** The span's events reach this far (`to`, or the last event when the server cut the window short). */
  coveredTo: number;
  /** The state at `from`: the server's answer, or the previous span's state at its end. Null until known. */
  base: SpanBase | null;
  events: readonly OperationEvent[];
  withdrawals: readonly ReplayWithdrawal[];
  marks: readonly ReplayMark[];
  /** Each team's positions over the span, oldest first; the same objects for every moment. */
  tracks: ReadonlyMap<string, TeamTrack>;
  /** Points per team asked for: the finer a span's tracks, the more it is trusted for positions. */
  points: number;
}

export interface SpanBase {
  operation: Operation;
  reports: ReadonlyMap<string, Report>;
  teams: ReadonlyMap<string, Team>;
  seq: number;
  /** The moment of the state (ms): the span's events are those after it. */
  at: number;
  /** The seq that decided each item, when the base was folded here (`foldReplay`); else the items' versions count. */
  itemSeqs?: ReadonlyMap<string, number>;
}

export interface TeamTrack {
  times: readonly number[];
  positions: readonly TeamPosition[];
}

/** A span from the server's window (its base joins later: `withBase` or `chainedBase`). */
export function spanOf(window: ReplayWindow, points: number): ReplaySpan {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const tracks = new Map<string, TeamTrack>();
  for (const track of window.tracks) {
    const positions = track.points.map((point): TeamPosition => ({ teamId: track.teamId, lat: point.lat, lon: point.lon, heading: null, speed: null, accuracy: null, at: point.at }));
    tracks.set(track.teamId, { times: positions.map((position) => Date.parse(position.at)), positions });
  }
  const last = window.events.at(-1);
  // Cut short: the events reach the newest one given; the moments after it need another span.
  const coveredTo = window.truncated && last ? Date.parse(last.at) : to;
  return { from, to, coveredTo, base: null, events: window.events, withdrawals: window.withdrawals ?? [], marks: window.marks, tracks, points };
}

/** The server's state at the span's start as a base. */
export function baseOfSnapshot(snapshot: OperationSnapshot, at: number): SpanBase {
  return {
    at,
    operation: snapshot.operation,
    reports: new Map(snapshot.reports.map((report) => [report.id, report])),
    teams: new Map(snapshot.teams.map((team) => [team.id, team])),
    seq: snapshot.seq,
  };
}

/**
 * The state at `span.to` folded from its base, as the base of the span that follows it: a span
 * next to a known one needs no state from the server. Positions move on to the span's end.
 */
export function chainedBase(span: ReplaySpan, viewer: Viewer): SpanBase | null {
  if (!span.base || span.coveredTo < span.to) return null;
  const folded = foldReplay(span.base, span.events, span.to, viewer, span.withdrawals);
  const teams = new Map<string, Team>();
  for (const team of folded.teams.values()) {
    const position = positionAt([span], team.id, span.to) ?? olderOf(span.base.teams.get(team.id)?.lastPosition ?? null, team.lastPosition, span.to);
    teams.set(team.id, position === team.lastPosition ? team : { ...team, lastPosition: position });
  }
  return { operation: withRole(folded.operation, span.base.operation), reports: folded.reports, teams, seq: folded.seq, at: span.to, itemSeqs: folded.itemSeqs };
}

/** The span whose base and events reach the moment, the one starting latest (the least to fold). */
export function spanFor(spans: readonly ReplaySpan[], at: number): ReplaySpan | null {
  let best: ReplaySpan | null = null;
  for (const span of spans) if (span.base && span.from <= at && at <= span.coveredTo && (!best || span.from > best.from)) best = span;
  return best;
}

/** Whether some span holding the moment has tracks with a step of `stepMs` or finer. */
export function fineTracksAt(spans: readonly ReplaySpan[], at: number, stepMs: number): boolean {
  return spans.some((span) => span.from <= at && at <= span.to && (span.to - span.from) / span.points <= stepMs);
}

/** The team's newest track position at or before `at` in any of the spans (the finest have it exactly). */
export function positionAt(spans: readonly ReplaySpan[], teamId: string, at: number): TeamPosition | null {
  let best: TeamPosition | null = null;
  let bestTime = -Infinity;
  for (const span of spans) {
    if (at < span.from) continue;
    const track = span.tracks.get(teamId);
    if (!track) continue;
    const index = lastAtOrBefore(track.times, at);
    if (index >= 0 && track.times[index] > bestTime) {
      best = track.positions[index];
      bestTime = track.times[index];
    }
  }
  return best;
}

/** The team's track points of the spans within `windowMs` before `at`, oldest first (the trail). */
export function trailOf(spans: readonly ReplaySpan[], teamId: string, at: number, windowMs: number): { span: ReplaySpan; start: number; end: number } | null {
  let found: { span: ReplaySpan; start: number; end: number } | null = null;
  for (const span of spans) {
    const track = span.tracks.get(teamId);
    if (!track || at < span.from || at - windowMs > span.to) continue;
    const end = lastAtOrBefore(track.times, at) + 1;
    const start = firstAfter(track.times, at - windowMs - 1);
    // The finest span's points draw the trail.
    if (end > start && (!found || span.points / (span.to - span.from) > found.span.points / (found.span.to - found.span.from))) found = { span, start, end };
  }
  return found;
}

/** Index of the last time ≤ at, or −1. */
export function lastAtOrBefore(times: readonly number[], at: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

function firstAfter(times: readonly number[], at: number): number {
  return lastAtOrBefore(times, at) + 1;
}

function olderOf(a: TeamPosition | null, b: TeamPosition | null, at: number): TeamPosition | null {
  const candidates = [a, b].filter((p): p is TeamPosition => p !== null && Date.parse(p.at) <= at);
  return candidates.sort((x, y) => Date.parse(y.at) - Date.parse(x.at))[0] ?? null;
}

/** The folded operation with the reader's role (the events carry it without). */
export function withRole(folded: Omit<Operation, 'myRole'> | null, base: Operation): Operation {
  if (!folded || folded === base) return base;
  return { ...folded, myRole: base.myRole };
}
