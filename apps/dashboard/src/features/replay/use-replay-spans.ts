import type { ReplayMark, Viewer } from '@lintas/contracts';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { isAbortError } from '../../api/api-error';
import { errorText } from '../../i18n/error-text';
import type { ReplayPeriod } from './replay-clock';
import { baseOfSnapshot, chainedBase, fineTracksAt, type ReplaySpan, spanFor, spanOf, type SpanBase } from './replay-spans';

const NO_SPANS: readonly ReplaySpan[] = [];

/** The spans of one replay period: the overview (once loaded) and the detail windows. */
interface Held {
  period: ReplayPeriod | null;
  overview: ReplaySpan | null;
  details: readonly ReplaySpan[];
}

/** The whole period's events and tracks, this many points per team: any moment of it drawn at once. */
export const OVERVIEW_POINTS = 720;
/** Finer tracks around the moment: a window of this length … */
export const DETAIL_MS = 2 * 60 * 60 * 1000;
/** … with a point a minute (the positions the team detail shows, to the minute). */
export const DETAIL_STEP_MS = 60_000;
/** While playing, the next window is asked for when play comes this close (in real time) to the loaded one's end. */
export const PREFETCH_REAL_MS = 6_000;
/** Detail windows kept (the nearest to the moment); the overview is always kept. */
const DETAIL_KEPT = 6;
/** Finer tracks for a moment already drawn are asked for when the view is idle, at the latest after this long. */
const DETAIL_IDLE_WAIT_MS = 500;
/** A window whose request failed is asked for again after this long (a busy server may answer the next one). */
const RETRY_MS = 2_000;

export interface ReplaySpans {
  spans: readonly ReplaySpan[];
  /** The overview, or the finer tracks or the state for the moment, are on their way. */
  loading: boolean;
  marks: readonly ReplayMark[];
  error: string | null;
}

/**
 * What the player holds of the replay and what it asks the server for: once per replay, the
 * state at the period's start and the period's events with coarse tracks (the overview: every
 * moment of the period is folded from it, with no request); then, around the moment, a window of
 * finer tracks, one request at a time, the next one prefetched while playing. A moment the
 * overview does not reach (the server cut its events short) gets a window with a state of its
 * own: chained from the window before it when that is loaded, else the server's state at its start.
 */
export function useReplaySpans(api: ApiClient, operationId: string, period: ReplayPeriod | null, at: number | null, playing: boolean, speed: number, viewer: Viewer | null): ReplaySpans {
  // The spans of one replay period: another period (a new replay) starts with none.
  const [held, setHeld] = useState<Held>({ period: null, overview: null, details: [] });
  const mine = held.period === period;
  const overview = mine ? held.overview : null;
  const details = mine ? held.details : NO_SPANS;
  const spans = useMemo(() => (overview ? [overview, ...details] : details), [overview, details]);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);
  const lastAsked = useRef<string | null>(null);
  const [settled, setSettled] = useState(0);
  // The period answers belong to: an answer for a replay that has ended (back to live, replay again) is dropped.
  const currentPeriod = useRef(period);
  useLayoutEffect(() => {
    currentPeriod.current = period;
  }, [period]);

  // The overview: once per replay period.
  useEffect(() => {
    if (!period) return;
    const controller = new AbortController();
    const from = new Date(period.start).toISOString();
    Promise.all([api.getSnapshotAt(operationId, from, controller.signal), api.getReplayWindow(operationId, { from, to: new Date(period.end).toISOString(), points: OVERVIEW_POINTS }, controller.signal)]).then(
      ([snapshot, window]) => {
        setError(null);
        const loaded = { ...spanOf(window, OVERVIEW_POINTS), base: baseOfSnapshot(snapshot, period.start) };
        if (currentPeriod.current !== period) return;
        setHeld((current) => ({ period, overview: loaded, details: current.period === period ? current.details : [] }));
      },
      (failure: unknown) => {
        if (!isAbortError(failure)) setError(errorText(failure));
      },
    );
    return () => controller.abort();
  }, [api, operationId, period]);

  // The detail around the moment (and ahead of it while playing): one request at a time.
  const overviewLoaded = overview !== null;
  const lookAhead = playing ? speed * PREFETCH_REAL_MS : 0;
  // Asked for beside the overview, not after it: the overview's base will serve it.
  const wanted = at === null || !period || !viewer ? null : nextDetail(spans, period, at, lookAhead, !overviewLoaded);
  // A moment the spans already draw (with coarser tracks) while the bar is moved by hand: its finer
  // tracks are asked for once the view is idle, after the moment is drawn. Asked for at once, the
  // request (the server's work and the answer's decoding, on a machine of few cores) competed with
  // drawing it, and a drag across the bar asked for windows it had already left.
  const whenDrawn = at !== null && detailWhenIdle(spans, at, playing);
  const askFor = (key: string): void => {
    if (!wanted || !period || !viewer) return;
    lastAsked.current = key;
    inFlight.current = true;
    const controller = new AbortController();
    const query = { from: new Date(wanted.from).toISOString(), to: new Date(wanted.to).toISOString(), points: detailPoints(wanted.from, wanted.to) };
    const chained = wanted.needsBase ? chainedFrom(spans, wanted.from, viewer) : null;
    const base: Promise<SpanBase | null> = !wanted.needsBase ? Promise.resolve(null) : chained ? Promise.resolve(chained) : api.getSnapshotAt(operationId, query.from, controller.signal).then((snapshot) => baseOfSnapshot(snapshot, wanted.from));
    Promise.all([api.getReplayWindow(operationId, query, controller.signal), base]).then(
      ([window, loadedBase]) => {
        inFlight.current = false;
        setSettled((n) => n + 1);
        // Asked for in a replay that has ended: its spans are not this one's.
        if (currentPeriod.current !== period) return;
        setError(null);
        const span = { ...spanOf(window, query.points), base: loadedBase };
        setHeld((current) => (current.period === period ? { ...current, details: keepNearest([...current.details, span], wanted.from) } : { period, overview: null, details: [span] }));
      },
      (failure: unknown) => {
        inFlight.current = false;
        if (isAbortError(failure)) return;
        setError(errorText(failure));
        // The same window may be asked for again, a little later: a failed answer must not leave the moment loading for good.
        setTimeout(() => {
          if (lastAsked.current === key) lastAsked.current = null;
          setSettled((n) => n + 1);
        }, RETRY_MS);
      },
    );
    // Not aborted when the moment moves on: the answer is kept, and the next request follows it.
  };
  useEffect(() => {
    if (!wanted || inFlight.current || !period || !viewer) return;
    // Never the same window twice in a row: an answer that does not give what was wanted must not loop.
    const key = `${wanted.from}/${wanted.to}/${wanted.needsBase}`;
    if (lastAsked.current === key) return;
    if (!whenDrawn) {
      askFor(key);
      return;
    }
    return whenIdle(() => {
      if (!inFlight.current && lastAsked.current !== key) askFor(key);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, operationId, wanted?.from, wanted?.to, wanted?.needsBase, settled, whenDrawn]);

  const marks = useMemo(() => marksOf(overview, details), [overview, details]);
  const loading = period !== null && at !== null && (!overviewLoaded || !spanFor(spans, at) || !fineTracksAt(spans, at, DETAIL_STEP_MS));
  return { spans, loading, marks, error };
}

/** Whether the detail for the moment waits for the view to be idle: the moment is moved by hand and a span already draws it. */
export function detailWhenIdle(spans: readonly ReplaySpan[], at: number, playing: boolean): boolean {
  return !playing && spanFor(spans, at) !== null;
}

/** Runs `run` when the main thread is next idle (at the latest after `DETAIL_IDLE_WAIT_MS`); answers how to cancel it. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: DETAIL_IDLE_WAIT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}

/** Track points for a detail window: at least one a minute (rounded up, so that the step is never longer). */
export function detailPoints(from: number, to: number): number {
  return Math.min(2000, Math.max(2, Math.ceil((to - from) / DETAIL_STEP_MS)));
}

/** The next window to ask for: the one holding the moment, else (playing) the one after the loaded one; null when all is there. */
export function nextDetail(spans: readonly ReplaySpan[], period: ReplayPeriod, at: number, lookAhead: number, overviewPending = false): { from: number; to: number; needsBase: boolean } | null {
  // Before the overview, only tracks are known to be missing (its base will hold the moment, or tell that it cannot).
  const needed = (moment: number) => !fineTracksAt(spans, moment, DETAIL_STEP_MS) || (!overviewPending && !spanFor(spans, moment));
  let from: number;
  if (needed(at)) {
    // Mostly ahead of the moment: play moves forward.
    from = Math.max(period.start, at - DETAIL_MS / 4);
  } else {
    const ahead = Math.min(period.end, at + lookAhead);
    if (lookAhead <= 0 || !needed(ahead)) return null;
    // Starting where the loaded detail ends, so that a base can be chained from it.
    const holding = spans.filter((span) => span.from <= at && at <= span.to && (span.to - span.from) / span.points <= DETAIL_STEP_MS);
    from = Math.max(at, ...holding.map((span) => span.to));
  }
  const to = Math.min(period.end, from + DETAIL_MS);
  if (to <= from) return null;
  const covered = overviewPending || spans.some((span) => span.base && span.from <= from && span.coveredTo >= to);
  return { from, to, needsBase: !covered };
}

function chainedFrom(spans: readonly ReplaySpan[], from: number, viewer: Viewer): SpanBase | null {
  const before = spans.find((span) => span.base && span.to === from && span.coveredTo === span.to);
  return before ? chainedBase(before, viewer) : null;
}

/** The detail windows nearest to the moment. */
function keepNearest(details: ReplaySpan[], at: number): ReplaySpan[] {
  const distance = (span: ReplaySpan) => (at < span.from ? span.from - at : at > span.to ? at - span.to : 0);
  return details.sort((a, b) => distance(a) - distance(b)).slice(0, DETAIL_KEPT);
}

/** The time bar's marks: the overview's, and the detail windows' beyond where the overview's events reach. */
function marksOf(overview: ReplaySpan | null, details: readonly ReplaySpan[]): readonly ReplayMark[] {
  if (!overview) return [];
  const bySeq = new Map<number, ReplayMark>(overview.marks.map((mark) => [mark.seq, mark]));
  for (const span of details) for (const mark of span.marks) if (Date.parse(mark.at) > overview.coveredTo) bySeq.set(mark.seq, mark);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
