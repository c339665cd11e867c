import type { OperationEvent, TeamPosition } from '@lintas/contracts';
import { initialOperationState, type OperationAction, operationReducer, type OperationState } from './operation-state';

type Listener = () => void;

/**
 * Positions are latest-value data: applying them five times a second looks as live as sixty and
 * costs a twelfth of the drawing (a big map canvas recomposited every frame is what slows a wall
 * screen down). Events are applied at the next animation frame.
 */
export const POSITION_INTERVAL_MS = 200;

/**
 * The operation's store: the pure reducer behind `getState` / `dispatch` / `subscribe`, the shape
 * `useSyncExternalStore` reads. Live messages are not dispatched one by one: `enqueueEvent` and
 * `enqueuePositions` collect them and one `batch` action applies them in an animation frame, so a
 * burst of hundreds of messages costs one render.
 */
export class OperationStore {
  private state: OperationState;
  private readonly listeners = new Set<Listener>();
  private events: OperationEvent[] = [];
  private positions: TeamPosition[] = [];
  /** Cancels the scheduled flush, when one is scheduled. */
  private frame: (() => void) | null = null;
  private frameIsSoon = false;
  private lastFlush = -Infinity;
  private readonly schedule: (flush: () => void) => () => void;
  private readonly now: () => number;
  private readonly positionIntervalMs: number;

  constructor(
    options: {
      initial?: OperationState;
      /** Runs `flush` soon (the next animation frame in the browser) and answers a way to cancel that; tests pass their own. */
      schedule?: (flush: () => void) => () => void;
      now?: () => number;
      /** 0 applies positions at the next frame, like events. */
      positionIntervalMs?: number;
    } = {},
  ) {
    this.state = options.initial ?? initialOperationState;
    this.schedule = options.schedule ?? nextFrame;
    this.now = options.now ?? Date.now;
    this.positionIntervalMs = options.positionIntervalMs ?? POSITION_INTERVAL_MS;
  }

  getState = (): OperationState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispatch(action: OperationAction): void {
    // Anything queued happened before this action: apply it first, in order.
    if (action.type !== 'connection') this.flush();
    this.commit(operationReducer(this.state, action));
  }

  /** Replaces the whole state: replay draws another moment with the same store (its readers stay subscribed). */
  replace(next: OperationState): void {
    this.flush();
    this.commit(next);
  }

  enqueueEvent(event: OperationEvent): void {
    this.events.push(event);
    this.request(0);
  }

  /** A catch-up page: queued together, so that the next flush applies all of it in one step. */
  enqueueEvents(events: readonly OperationEvent[]): void {
    if (events.length === 0) return;
    for (const event of events) this.events.push(event);
    this.request(0);
  }

  enqueuePositions(positions: readonly TeamPosition[]): void {
    for (const position of positions) this.positions.push(position);
    this.request(this.positionIntervalMs - (this.now() - this.lastFlush));
  }

  /** Applies whatever is queued now (also called by the frame). */
  flush = (): void => {
    if (this.frame !== null) {
      this.frame();
      this.frame = null;
    }
    if (this.events.length === 0 && this.positions.length === 0) return;
    this.lastFlush = this.now();
    const events = this.events;
    const positions = this.positions;
    this.events = [];
    this.positions = [];
    this.commit(operationReducer(this.state, { type: 'batch', events, positions, at: this.now() }));
  };

  /** Drops queued messages and pending frames (the view is going away). */
  dispose(): void {
    this.frame?.();
    this.frame = null;
    this.events = [];
    this.positions = [];
    this.listeners.clear();
  }

  /** A flush at the next frame (`delayMs` ≤ 0), or at the first frame after `delayMs`; a sooner request wins. */
  private request(delayMs: number): void {
    const soon = delayMs <= 0;
    if (this.frame !== null && (this.frameIsSoon || !soon)) return;
    this.frame?.();
    this.frameIsSoon = soon;
    if (soon) {
      this.frame = this.schedule(this.flush);
      return;
    }
    let cancelFrame: (() => void) | null = null;
    const timer = setTimeout(() => {
      cancelFrame = this.schedule(this.flush);
    }, delayMs);
    this.frame = () => {
      clearTimeout(timer);
      cancelFrame?.();
    };
  }

  private commit(next: OperationState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * The next animation frame, or a short timer when the tab is hidden (browsers pause frames there,
 * and messages must not pile up unapplied until someone looks again).
 */
export function nextFrame(flush: () => void): () => void {
  if ((typeof document !== 'undefined' && document.visibilityState === 'hidden') || typeof requestAnimationFrame !== 'function') {
    const timer = setTimeout(flush, typeof requestAnimationFrame === 'function' ? 250 : 16);
    return () => clearTimeout(timer);
  }
  const handle = requestAnimationFrame(() => flush());
  return () => cancelAnimationFrame(handle);
}
