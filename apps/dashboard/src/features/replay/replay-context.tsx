import type { OperationSnapshot, ReplayWindow } from '@lintas/contracts';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { isAbortError } from '../../api/api-error';
import { useApi } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { OperationStoreScope, useOperationId, useOperationSelector, useOperationStore } from '../../realtime/operation-realtime';
import { initialOperationState } from '../../realtime/operation-state';
import { OperationStore } from '../../realtime/operation-store';
import { advance, clamp, type ReplayPeriod, replayPeriod, type ReplaySpeed } from './replay-clock';
import { replayedState } from './replay-state';

/** How often the moment moves on while playing (the view redraws at this pace, whatever the speed). */
export const PLAY_TICK_MS = 250;

export interface ReplayControls {
  replaying: boolean;
  /** The replayed moment (ms), or null when live. */
  at: number | null;
  playing: boolean;
  speed: ReplaySpeed;
  period: ReplayPeriod | null;
  window: ReplayWindow | null;
  /** The server's answer for the moment is on its way. */
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
}

const ReplayContext = createContext<ReplayControls | null>(null);

export function useReplay(): ReplayControls {
  const value = useContext(ReplayContext);
  if (!value) throw new Error('render inside <ReplayProvider>');
  return value;
}

/** The replayed moment, or null when live (for views outside the provider too). */
export function useReplayAt(): number | null {
  return useContext(ReplayContext)?.at ?? null;
}

/**
 * Replay of the operation view. While replaying, everything below reads a store built for the
 * replayed moment (the same components draw the past); the live connection keeps feeding the live
 * store meanwhile, so going back to live is instant and nothing is missed. `?replay=1` (or an ISO
 * time) opens the view in replay: what the operations list does for a closed operation.
 */
export function ReplayProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const operationId = useOperationId();
  const live = useOperationStore();
  const operation = useOperationSelector((state) => state.operation);
  const liveSeq = useOperationSelector((state) => state.lastSeq);
  const [params] = useSearchParams();
  // `?replay=` (1 or an ISO time) and `?report=1` as the view was opened; read once.
  const [pendingReplay, setPendingReplay] = useState(() => params.get('replay'));

  const [at, setAt] = useState<number | null>(null);
  const [playing, setPlayingState] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(60);
  const [period, setPeriod] = useState<ReplayPeriod | null>(null);
  const [window, setWindow] = useState<ReplayWindow | null>(null);
  const [answer, setAnswer] = useState<{ at: number; snapshot: OperationSnapshot } | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
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

  // The window's events, marks and tracks: once per replay period.
  useEffect(() => {
    if (!period) return;
    const controller = new AbortController();
    api.getReplayWindow(operationId, { from: new Date(period.start).toISOString(), to: new Date(period.end).toISOString(), points: 720 }, controller.signal).then(setWindow, (failure: unknown) => {
      if (!isAbortError(failure)) setError(errorText(failure));
    });
    return () => controller.abort();
  }, [api, operationId, period]);

  // The state at the moment: one request at a time; a newer moment is asked for when it is answered.
  const wanted = at === null ? null : Math.floor(at / 1000) * 1000;
  const inFlight = useRef(false);
  const latestWanted = useRef<number | null>(null);
  useEffect(() => {
    latestWanted.current = wanted;
  }, [wanted]);
  const [askAgain, setAskAgain] = useState(0);
  useEffect(() => {
    if (wanted === null || inFlight.current || answer?.at === wanted) return;
    inFlight.current = true;
    setLoading(true);
    api.getSnapshotAt(operationId, new Date(wanted).toISOString()).then(
      (snapshot) => {
        inFlight.current = false;
        setLoading(false);
        setError(null);
        if (latestWanted.current !== null) setAnswer({ at: wanted, snapshot });
        if (latestWanted.current !== wanted) setAskAgain((n) => n + 1);
      },
      (failure: unknown) => {
        inFlight.current = false;
        setLoading(false);
        setError(errorText(failure));
      },
    );
  }, [api, operationId, wanted, answer, askAgain]);

  // Play: the moment moves on by clock time at `speed`, a tick at a time, and stops at the end.
  useEffect(() => {
    if (!playing || !period) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const elapsed = now - last;
      last = now;
      setAt((current) => {
        if (current === null) return current;
        const next = advance(current, speed, elapsed, period);
        if (next >= period.end) setPlayingState(false);
        return next;
      });
    }, PLAY_TICK_MS);
    return () => clearInterval(timer);
  }, [playing, speed, period]);

  const connection = useOperationSelector((state) => state.connection);
  // One store for the replayed moments: its readers (and their effects) stay with it while the moment moves.
  const [replayStore] = useState(() => new OperationStore());
  useLayoutEffect(() => {
    if (at === null) return;
    // Until the first answer: the operation alone, never the live picture under a past time.
    const state = answer ? replayedState(answer.snapshot, window, at, connection) : { ...initialOperationState, operation: live.getState().operation, connection };
    replayStore.replace(state);
  }, [answer, window, at, connection, live, replayStore]);
  const store = at === null ? null : replayStore;

  const backToLive = useCallback(() => {
    setAt(null);
    setPlayingState(false);
    setPeriod(null);
    setWindow(null);
    setAnswer(null);
    setError(null);
  }, []);

  const controls: ReplayControls = {
    replaying: at !== null,
    at,
    playing,
    speed,
    period,
    window,
    loading,
    drawnAt: answer?.at ?? null,
    error,
    liveEventsWaiting: at === null ? 0 : Math.max(0, liveSeq - seqAtStart),
    start,
    seek: (moment) => {
      if (period) setAt(clamp(moment, period));
    },
    setPlaying: (next) => {
      if (next && period && at !== null && at >= period.end) setAt(period.start);
      setPlayingState(next);
    },
    setSpeed,
    backToLive,
    reportOpen,
    setReportOpen,
  };

  return (
    <ReplayContext.Provider value={controls}>
      {/* Always the same tree, live or not: switching stores must not remount the view (and its map). */}
      <OperationStoreScope store={store ?? live}>{children}</OperationStoreScope>
    </ReplayContext.Provider>
  );
}
