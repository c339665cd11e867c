import { backoffDelay, type BackoffOptions, DEFAULT_BACKOFF } from './backoff';
import { newClientId } from './client-id';
import type { OutboxStore } from './outbox-store';
import type { Delivery, DocumentCheckBody, OutboxItem, OutboxPayload, SendOutcome, StoredOutboxItem } from './outbox-types';
import { compressPositions, type CompressionOptions, DEFAULT_COMPRESSION, MAX_BATCH } from './position-compression';

/** What the top of the field page tells the officer. */
export interface SyncStatus {
  /** Offline when the device says so, or when the last attempt could not reach the server. */
  link: 'online' | 'offline';
  /** A delivery pass is under way. */
  syncing: boolean;
  /** Items queued or being sent. */
  waiting: number;
  /** Items the server refused, waiting for the officer to edit or discard them. */
  rejected: number;
  lastDeliveredAt: number | null;
  /** When the next automatic attempt is due after a failure, or null. */
  nextAttemptAt: number | null;
  /** The last failure's reason while items wait, e.g. "the server could not be reached". */
  problem: string | null;
  /** The server refused the session even after a token refresh: delivery resumes after sign-in. */
  needsSignIn: boolean;
}

export interface SyncSnapshot {
  status: SyncStatus;
  /** The owner's items, in delivery order (delivered ones kept for a while, positions not). */
  items: StoredOutboxItem[];
  /** The last batch of positions delivered: how many were queued, how many went on the wire, when. */
  lastPositions: PositionsDelivered | null;
}

export interface PositionsDelivered {
  queued: number;
  sent: number;
  at: number;
}

export interface SyncEngineOptions {
  store: OutboxStore;
  /** The signed-in user: only their items are delivered, under their session. */
  ownerId: string;
  /** One HTTP request for one delivery, classified. Must not throw for HTTP answers; a throw counts as a network failure. */
  send(delivery: Delivery): Promise<SendOutcome>;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffOptions;
  compression?: CompressionOptions;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Serialises delivery passes across tabs (Web Locks); by default `navigator.locks` when present. */
  withLock?: <T>(run: () => Promise<T>) => Promise<T>;
  /** Told after this engine changed the store, e.g. to notify other tabs. */
  onStoreChanged?: () => void;
  /** How many delivered reports and status changes stay listed. */
  keepDelivered?: number;
}

const LOCK_NAME = 'lintas-field-outbox';

/**
 * The outbox's delivery loop: oldest item first, one request at a time, so status changes and
 * positions arrive in the order they were made. A delivered item is marked so; a final rejection
 * (4xx other than 401/408/429) is marked with the server's reason and the loop moves on; any
 * other failure puts the item back in the queue and the loop waits with exponential backoff and
 * jitter. Items caught mid-send by a reload are sent again: the server's idempotency (a report's
 * clientId, a position's team and time) makes the second delivery a no-op.
 */
export class SyncEngine {
  private readonly listeners = new Set<(snapshot: SyncSnapshot) => void>();
  private snapshot: SyncSnapshot;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private failures = 0;
  private timer: unknown = null;
  private networkDown = false;
  private readonly now: () => number;
  private readonly isOnline: () => boolean;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? Date.now;
    this.isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false);
    this.snapshot = {
      status: { link: 'online', syncing: false, waiting: 0, rejected: 0, lastDeliveredAt: null, nextAttemptAt: null, problem: null, needsSignIn: false },
      items: [],
      lastPositions: null,
    };
  }

  get ownerId(): string {
    return this.options.ownerId;
  }

  getSnapshot(): SyncSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: SyncSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Loads the stored outbox and starts delivering. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.reload();
    await this.kick();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** Stores a new post (before anything is sent) and tries to deliver it at once. Answers the stored item. */
  async enqueue(payload: OutboxPayload & { operationId: string; teamId: string; id?: string }): Promise<StoredOutboxItem> {
    const item = {
      ...payload,
      id: payload.id ?? newClientId(),
      ownerId: this.options.ownerId,
      state: 'queued',
      createdAt: this.now(),
      attempts: 0,
      deliveredAt: null,
      rejection: null,
    } as OutboxItem;
    const stored = await this.options.store.add(item);
    this.options.onStoreChanged?.();
    await this.reload();
    void this.kick();
    return stored;
  }

  /** Removes a rejected (or delivered) item for good. Queued items cannot be discarded: they may be on their way. */
  async discard(ids: readonly string[]): Promise<void> {
    const items = await Promise.all(ids.map((id) => this.options.store.get(id)));
    const removable = items.filter((item): item is StoredOutboxItem => !!item && (item.state === 'rejected' || item.state === 'delivered'));
    await this.options.store.remove(removable.map((item) => item.id));
    this.options.onStoreChanged?.();
    await this.reload();
  }

  /** Tries now, whatever the backoff said: the link came back, the officer pressed "retry", or signed in again. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.cancelTimer();
    this.snapshot = { ...this.snapshot, status: { ...this.snapshot.status, needsSignIn: false, nextAttemptAt: null } };
    return this.runPass();
  }

  /** Re-reads the store (another tab may have changed it) and tells the listeners. */
  async reload(): Promise<void> {
    const items = await this.options.store.list(this.options.ownerId);
    const lastDeliveredAt = (await this.options.store.getValue<number>(lastDeliveredKey(this.options.ownerId))) ?? null;
    const lastPositions = (await this.options.store.getValue<PositionsDelivered>(lastPositionsKey(this.options.ownerId))) ?? null;
    const waiting = items.filter((item) => item.state === 'queued' || item.state === 'sending').length;
    const status = this.snapshot.status;
    this.snapshot = {
      items,
      lastPositions,
      status: {
        ...status,
        link: this.networkDown || !this.isOnline() ? 'offline' : 'online',
        waiting,
        rejected: items.filter((item) => item.state === 'rejected').length,
        lastDeliveredAt,
        problem: waiting > 0 ? status.problem : null,
      },
    };
    for (const listener of this.listeners) listener(this.snapshot);
  }

  private runPass(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const withLock = this.options.withLock ?? webLock;
    this.running = (async () => {
      do {
        this.again = false;
        await withLock(() => this.pass());
      } while (this.again && !this.stopped && this.timer === null && !this.snapshot.status.needsSignIn);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const { store, ownerId } = this.options;
    if (!this.isOnline()) {
      // No point trying: the `online` event kicks the loop when the device has a link again.
      await this.reload();
      return;
    }
    let pending = await store.pending(ownerId);
    if (pending.length > 0) this.setStatus({ syncing: true });
    try {
      while (pending.length > 0 && !this.stopped) {
        const delivery = this.nextDelivery(pending);
        const ids = delivery.items.map((item) => item.id);
        await store.update(ids, { state: 'sending' });
        await this.reload();

        let outcome: SendOutcome;
        try {
          outcome = await this.options.send(delivery);
        } catch (error) {
          outcome = { result: 'retry', reason: error instanceof Error ? error.message : String(error), network: true };
        }
        const attempted = (item: StoredOutboxItem) => ({ attempts: item.attempts + 1 });

        if (outcome.result === 'delivered') {
          const at = this.now();
          if (delivery.kind === 'positions') {
            // Positions are many and never edited: forgotten once delivered, remembered as a count.
            await store.remove(ids);
            await store.setValue(lastPositionsKey(ownerId), { queued: ids.length, sent: delivery.positions.length, at } satisfies PositionsDelivered);
          } else if (delivery.kind === 'document-check') {
            // The result is kept to show; the document number is not: the phone keeps none once the server has it.
            const answer = outcome.answer ?? null;
            await store.update(ids, (item) => ({
              ...attempted(item),
              state: 'delivered',
              deliveredAt: at,
              rejection: null,
              answer,
              body: { ...(item.body as DocumentCheckBody), documentNumber: '' },
            }));
          } else await store.update(ids, (item) => ({ ...attempted(item), state: 'delivered', deliveredAt: at, rejection: null }));
          await store.setValue(lastDeliveredKey(ownerId), at);
          this.failures = 0;
          this.networkDown = false;
          this.setStatus({ problem: null });
        } else if (outcome.result === 'rejected') {
          await store.update(ids, (item) => ({ ...attempted(item), state: 'rejected', rejection: outcome.rejection }));
          this.failures = 0;
          this.networkDown = false;
        } else if (outcome.result === 'unauthenticated') {
          await store.update(ids, (item) => ({ ...attempted(item), state: 'queued' }));
          this.networkDown = false;
          this.setStatus({ needsSignIn: true, problem: outcome.reason });
          break;
        } else {
          await store.update(ids, (item) => ({ ...attempted(item), state: 'queued' }));
          this.failures += 1;
          this.networkDown = outcome.network;
          const wait = Math.max(backoffDelay(this.failures, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random), outcome.retryAfterMs ?? 0);
          this.schedule(wait);
          this.setStatus({ problem: outcome.reason, nextAttemptAt: this.now() + wait });
          break;
        }
        this.options.onStoreChanged?.();
        pending = await store.pending(ownerId);
      }
      await store.pruneDelivered(ownerId, this.options.keepDelivered ?? 50);
    } finally {
      this.options.onStoreChanged?.();
      this.setStatus({ syncing: false });
      await this.reload();
    }
  }

  /** The head of the queue: one report or status change, or the run of one team's positions that starts there. */
  private nextDelivery(pending: StoredOutboxItem[]): Delivery {
    const head = pending[0];
    if (head.kind === 'report') return { kind: 'report', items: [head] };
    if (head.kind === 'status') return { kind: 'status', items: [head] };
    if (head.kind === 'document-check') return { kind: 'document-check', items: [head] };
    if (head.kind === 'task') return { kind: 'task', items: [head] };
    if (head.kind === 'message') return { kind: 'message', items: [head] };
    const run: Array<StoredOutboxItem & { kind: 'position' }> = [];
    for (const item of pending) {
      if (item.kind !== 'position' || item.operationId !== head.operationId || item.teamId !== head.teamId || run.length === MAX_BATCH) break;
      run.push(item);
    }
    // Compression only removes points, so a run of at most MAX_BATCH fits one request.
    const positions = compressPositions(
      run.map((item) => item.body),
      this.options.compression ?? DEFAULT_COMPRESSION,
    );
    return { kind: 'positions', operationId: head.operationId, teamId: head.teamId, items: run, positions };
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    const set = this.options.setTimer ?? ((run: () => void, delay: number) => setTimeout(run, delay));
    this.timer = set(() => {
      this.timer = null;
      void this.runPass();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer === null) return;
    (this.options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>)))(this.timer);
    this.timer = null;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.snapshot = { ...this.snapshot, status: { ...this.snapshot.status, ...patch } };
    for (const listener of this.listeners) listener(this.snapshot);
  }
}

function lastDeliveredKey(ownerId: string): string {
  return `lastDeliveredAt:${ownerId}`;
}

function lastPositionsKey(ownerId: string): string {
  return `lastPositions:${ownerId}`;
}

/** One delivery pass at a time across the officer's tabs, where the browser has Web Locks. */
function webLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? (locks.request(LOCK_NAME, run) as Promise<T>) : run();
}
