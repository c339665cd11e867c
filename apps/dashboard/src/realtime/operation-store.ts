import type { OperationEvent, TeamPosition } from '@lintas/contracts';
import { initialOperationState, type OperationAction, operationReducer, type OperationState } from './operation-state';

type Listener = () => void;

/**
 * The operation's store: the pure reducer behind `getState` / `dispatch` / `subscribe`, the shape
 * `useSyncExternalStore` reads. Live messages are not dispatched one by one: `enqueueEvent` and
 * `enqueuePositions` collect them and one `batch` action applies them per animation frame, so a
 * burst of hundreds of messages costs one render.
 */
export class OperationStore {
  private state: OperationState;
  private readonly listeners = new Set<Listener>();
  private events: OperationEvent[] = [];
  private positions: TeamPosition[] = [];
  /** Cancels the scheduled flush, when one is scheduled. */
  private frame: (() => void) | null = null;
  private readonly schedule: (flush: () => void) => () => void;
  private readonly now: () => number;

  constructor(
    options: {
      initial?: OperationState;
      /** Runs `flush` soon (the next animation frame in the browser) and answers a way to cancel that; tests pass their own. */
      schedule?: (flush: () => void) => () => void;
      now?: () => number;
    } = {},
  ) {
    this.state = options.initial ?? initialOperationState;
    this.schedule = options.schedule ?? nextFrame;
    this.now = options.now ?? Date.now;
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

  enqueueEvent(event: OperationEvent): void {
    this.events.push(event);
    this.request();
  }

  enqueuePositions(positions: readonly TeamPosition[]): void {
    for (const position of positions) this.positions.push(position);
    this.request();
  }

  /** Applies whatever is queued now (also called by the frame). */
  flush = (): void => {
    if (this.frame !== null) {
      this.frame();
      this.frame = null;
    }
    if (this.events.length === 0 && this.positions.length === 0) return;
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

  private request(): void {
    if (this.frame === null) this.frame = this.schedule(this.flush);
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
