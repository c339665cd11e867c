import type { OperationLessons, ReplayMark, Viewer } from '@lintas/contracts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi, useUser } from '../../auth/session-context';
import { OperationStoreScope, useOperationId, useOperationSelector, useOperationStore } from '../../realtime/operation-realtime';
import { initialOperationState, TIMELINE_LIMIT } from '../../realtime/operation-state';
import { OperationStore } from '../../realtime/operation-store';
import { advance, clamp, type ReplayPeriod, replayPeriod, type ReplaySpeed } from './replay-clock';
import { ReplayPicture } from './replay-picture';
import { useReplayEarlier } from './use-replay-earlier';
import { spanFor } from './replay-spans';
import { useReplaySpans } from './use-replay-spans';

/** While playing, reports and the timeline follow at most this often (positions every frame): they cost the most to redraw. */
export const PLAY_ITEMS_EVERY_MS = 500;
/** While playing, the view's "now" (ages, staleness) follows at most this often. */
export const PLAY_VIEW_NOW_EVERY_MS = 1000;

export interface ReplayControls {
  replaying: boolean;
  /** The replayed moment (ms), or null when live. */
  at: number | null;
  playing: boolean;
  speed: ReplaySpeed;
  period: ReplayPeriod | null;
  /** The time bar's marks (alerts, verdicts, status changes) of what is loaded. */
  marks: readonly ReplayMark[];
  /** What the moment needs from the server (the state, or its finer tracks) is on its way. */
  loading: boolean;
  /** The moment (ms, to the second) whose state is drawn now, or null before the first answer. */
  drawnAt: number | null;
  error: string | null;
  /** Live events that arrived since replay began (they wait in the live store). */
  liveEventsWaiting: number;
  start(at?: number): void;
  seek(at: number): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: ReplaySpeed): void;
  backToLive(): void;
  /** The after-action dialog (lessons, report download), opened from the bar or by `?report=1`. */
  reportOpen: boolean;
  setReportOpen(open: boolean): void;
  /** The lessons as the live feed last brought them (`operation.lessons_saved`), or null. */
  liveLessons: OperationLessons | null;
}

const ReplayContext = createContext<ReplayControls | null>(null);

/** The replay timeline's way back: more lines up to the moment, read backwards from the log on demand. */
export interface ReplayTimelineReach {
  showEarlier(): void;
  /** A page of older lines is on its way. */
  loading: boolean;
}
const ReplayTimelineContext = createContext<ReplayTimelineReach | null>(null);

/** The replay timeline's way back, or null when live. */
export function useReplayTimelineReach(): ReplayTimelineReach | null {
  return useContext(ReplayTimelineContext);
}
/** The moment for the view's clock: changes with every frame of play only at `PLAY_VIEW_NOW_EVERY_MS`. */
const ReplayNowContext = createContext<number | null>(null);

export function useReplay(): ReplayControls {
  const value = useContext(ReplayContext);
  if (!value) throw new Error('render inside <ReplayProvider>');
  return value;
}

/**
 * The replayed moment, or null when live (for views outside the provider too). While playing it
 * moves on once a second, not with every frame: the whole view reads it.
 */
export function useReplayAt(): number | null {
  return useContext(ReplayNowContext);
}

/**
 * Replay of the operation view. While replaying, everything below reads a store built for the
 * replayed moment (the same components draw the past); the live connection keeps feeding the live
 * store meanwhile, so going back to live is instant and nothing is missed. `?replay=1` (or an ISO
 * time) opens the view in replay: what the operations list does for a closed operation.
 */
export function ReplayProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const user = useUser();
  const operationId = useOperationId();
  const live = useOperationStore();
  const operation = useOperationSelector((state) => state.operation);
  const liveSeq = useOperationSelector((state) => state.lastSeq);
  const liveLessons = useOperationSelector((state) => state.lessons);
  const [params] = useSearchParams();
  // `?replay=` (1 or an ISO time) and `?report=1` as the view was opened; read once.
  const [pendingReplay, setPendingReplay] = useState(() => params.get('replay'));

  const [at, setAt] = useState<number | null>(null);
  const [playing, setPlayingState] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(60);
  const [period, setPeriod] = useState<ReplayPeriod | null>(null);
  const [seqAtStart, setSeqAtStart] = useState(0);
  const [reportOpen, setReportOpen] = useState(() => params.get('report') === '1');

  const start = useCallback(
    (moment?: number) => {
      const current = live.getState().operation;
      if (!current) return;
      const span = replayPeriod(current, Date.now());
      setPeriod(span);
      setSeqAtStart(live.getState().lastSeq);
      setAt(clamp(moment ?? span.end, span));
      setPlayingState(false);
    },
    [live],
  );

  // Opened in replay from the operations list: start once the operation is known.
  useEffect(() => {
    if (!operation || pendingReplay === null) return;
    // In a task of its own: starting sets the replay's state, which an effect must not do synchronously.
    const timer = setTimeout(() => {
      setPendingReplay(null);
      const moment = Date.parse(pendingReplay);
      start(Number.isNaN(moment) ? replayPeriod(operation, Date.now()).start : moment);
    }, 0);
    return () => clearTimeout(timer);
  }, [operation, pendingReplay, start]);

  // Who the replay is folded for: the server gave this viewer its events; the fold keeps to the same rule.
  const myRole = operation?.myRole ?? null;
  const viewer = useMemo<Viewer | null>(() => (myRole ? { agencyId: user.agency.id, operationRole: myRole } : null), [user.agency.id, myRole]);
  const { spans, loading, marks, error } = useReplaySpans(api, operationId, period, at, playing, speed, viewer);

  // Play: the moment moves on by clock time at `speed`, once per animation frame, and stops at the end.
  useEffect(() => {
    if (!playing || !period) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const elapsed = now - last;
      last = now;
      setAt((current) => {
        if (current === null) return current;
        const next = advance(current, speed, elapsed, period);
        if (next >= period.end) setPlayingState(false);
        return next;
      });
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, period]);

  const connection = useOperationSelector((state) => state.connection);
  // One store for the replayed moments: its readers (and their effects) stay with it while the moment moves.
  const [replayStore] = useState(() => new OperationStore());
  // One picture per replay: it keeps what did not change from one moment to the next.
  const picture = useMemo(() => (period && viewer ? new ReplayPicture(viewer) : null), [period, viewer]);
  const itemsDrawnAt = useRef(-Infinity);
  // The timeline's reach: TIMELINE_LIMIT lines up to the moment, more (and older lines from the log) as the reader asks.
  const [timelineLimit, setTimelineLimit] = useState({ period, limit: TIMELINE_LIMIT });
  const limit = timelineLimit.period === period ? timelineLimit.limit : TIMELINE_LIMIT;
  const earlierPages = useReplayEarlier(api, operationId, period);
  useLayoutEffect(() => {
    if (at === null) return;
    const now = performance.now();
    const holdItems = playing && now - itemsDrawnAt.current < PLAY_ITEMS_EVERY_MS;
    picture?.setTimelineReach(limit, earlierPages.earlier);
    const state = picture?.stateAt(spans, at, connection, holdItems) ?? null;
    if (state) {
      if (!holdItems) itemsDrawnAt.current = now;
      replayStore.replace(state);
    } else if (!picture?.drawn) {
      // Until the first state: the operation alone, never the live picture under a past time.
      replayStore.replace({ ...initialOperationState, operation: live.getState().operation, connection });
    }
    // A moment no span holds yet keeps the last one drawn until its state arrives.
  }, [spans, at, connection, live, replayStore, picture, playing, limit, earlierPages.earlier]);
  const { readBefore } = earlierPages;
  const timelineReach = useMemo<ReplayTimelineReach>(
    () => ({
      showEarlier: () => {
        setTimelineLimit({ period, limit: limit + TIMELINE_LIMIT });
        // Where the lines held end before the period's start: the next page of the log before them.
        const before = picture?.timelineBefore ?? null;
        if (before !== null) readBefore(before);
      },
      loading: earlierPages.loading,
    }),
    [period, limit, picture, readBefore, earlierPages.loading],
  );
  const store = at === null ? null : replayStore;
  // The moment drawn (to the second): the picture's, once it holds the moment.
  const drawnAt = at !== null && picture && spanFor(spans, at) ? Math.floor(at / 1000) * 1000 : (picture?.drawnAt ?? null);

  // The view's clock: the moment itself while it is moved by hand, once a second while playing.
  const [playNow, setPlayNow] = useState<number | null>(null);
  const atNow = useRef(at);
  useEffect(() => {
    atNow.current = at;
  }, [at]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setPlayNow(atNow.current), PLAY_VIEW_NOW_EVERY_MS);
    return () => clearInterval(timer);
  }, [playing]);
  const viewNow = at === null ? null : playing && playNow !== null ? playNow : at;

  // Stable: the bar's marks are memoised on it.
  const seek = useCallback(
    (moment: number) => {
      if (period) setAt(clamp(moment, period));
    },
    [period],
  );

  const backToLive = useCallback(() => {
    setAt(null);
    setPlayingState(false);
    setPeriod(null);
  }, []);

  const controls: ReplayControls = {
    replaying: at !== null,
    at,
    playing,
    speed,
    period,
    marks,
    loading,
    drawnAt,
    error,
    liveEventsWaiting: at === null ? 0 : Math.max(0, liveSeq - seqAtStart),
    start,
    seek,
    setPlaying: (next) => {
      const from = next && period && at !== null && at >= period.end ? period.start : at;
      if (from !== at) setAt(from);
      setPlayNow(from);
      setPlayingState(next);
    },
    setSpeed,
    backToLive,
    reportOpen,
    setReportOpen,
    liveLessons,
  };

  return (
    <ReplayContext.Provider value={controls}>
      <ReplayNowContext.Provider value={viewNow}>
        {/* Always the same tree, live or not: switching stores must not remount the view (and its map). */}
        <ReplayTimelineContext.Provider value={at === null ? null : timelineReach}>
          <OperationStoreScope store={store ?? live}>{children}</OperationStoreScope>
        </ReplayTimelineContext.Provider>
      </ReplayNowContext.Provider>
    </ReplayContext.Provider>
  );
}
