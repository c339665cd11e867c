import type { OperationEvent } from '@lintas/contracts';

/** What a dispatcher needs from the outside world; injected so that the ordering logic is testable alone. */
export interface DispatcherPorts {
  /** Fan one event out to the live rooms of this instance. Called in strict seq order, once per seq. */
  emit(event: OperationEvent): void;
  /** Every committed event of the operation after `afterSeq` (unfiltered), in seq order, at most `limit`. */
  readAfter(afterSeq: number, limit: number): Promise<OperationEvent[]>;
  /** The operation's last committed seq. */
  lastSeq(): Promise<number>;
  onError(error: unknown): void;
}

export interface DispatcherOptions {
  /** How many recent events are kept for sockets finishing their catch-up. */
  ringSize: number;
  /** How long a hole in the sequence may last before the missing events are read from the database. */
  gapTimeoutMs: number;
  /** Page size of gap reads. */
  readLimit: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = { ringSize: 4096, gapTimeoutMs: 250, readLimit: 500 };

/**
 * One operation's live stream on one API instance. Committed events reach it from this instance's
 * event bus and from the other instances (in whatever order the network delivers them); it emits
 * them in seq order, each exactly once, holding early arrivals back. A hole that lasts longer than
 * `gapTimeoutMs` is filled from the database: seqs are taken under the operation row's lock, so when
 * seq n+1 is committed, seq n is committed too and can be read. A short ring buffer of the events
 * emitted lets a socket finishing its catch-up close the distance to the live stream synchronously.
 */
export class OperationDispatcher {
  /** Everything up to and including this seq has been emitted to the live rooms. */
  private delivered = -1;
  /** The highest seq known to be committed (from an arrival or from the database). */
  private knownCommitted = 0;
  private readonly early = new Map<number, OperationEvent>();
  private readonly ring: OperationEvent[] = [];
  private ringStart = 0;
  private gapTimer: NodeJS.Timeout | null = null;
  private reading = false;
  private closed = false;
  private waiters: { seq: number; resolve: () => void }[] = [];
  readonly ready: Promise<void>;

  constructor(
    readonly operationId: string,
    readonly leadAgencyId: string,
    private readonly ports: DispatcherPorts,
    private readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
  ) {
    // Arrivals before the start point is known wait in `early`; those at or below it are dropped then.
    this.ready = ports.lastSeq().then((seq) => {
      this.delivered = seq;
      this.knownCommitted = Math.max(this.knownCommitted, seq);
      for (const key of [...this.early.keys()]) if (key <= seq) this.early.delete(key);
      this.drain();
    });
  }

  get deliveredSeq(): number {
    return this.delivered;
  }

  /** A committed event, from any source, in any order, possibly twice. */
  offer(event: OperationEvent): void {
    if (this.closed || event.operationId !== this.operationId) return;
    this.knownCommitted = Math.max(this.knownCommitted, event.seq);
    if (this.delivered >= 0 && event.seq <= this.delivered) return;
    this.early.set(event.seq, event);
    if (this.delivered >= 0) this.drain();
  }

  /** The database says `seq` is committed: if it has not arrived, treat it as a hole to fill. */
  noteCommitted(seq: number): void {
    if (this.closed) return;
    if (seq > this.knownCommitted) this.knownCommitted = seq;
    if (this.delivered >= 0) this.drain();
  }

  /**
   * The events emitted after `afterSeq`, when the ring buffer still holds all of them; null when it
   * does not (the caller reads the database instead).
   */
  eventsAfter(afterSeq: number): OperationEvent[] | null {
    if (afterSeq >= this.delivered) return [];
    const firstHeld = this.ring.length ? this.ring[this.ringStart].seq : this.delivered + 1;
    if (afterSeq + 1 < firstHeld) return null;
    const out: OperationEvent[] = [];
    for (let i = 0; i < this.ring.length; i++) {
      const event = this.ring[(this.ringStart + i) % this.ring.length];
      if (event.seq > afterSeq) out.push(event);
    }
    return out;
  }

  /** Resolves once every event up to `seq` has been emitted (or at once if it has). */
  waitFor(seq: number): Promise<void> {
    if (this.delivered >= seq) return Promise.resolve();
    this.noteCommitted(seq);
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  close(): void {
    this.closed = true;
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
    this.early.clear();
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
  }

  private drain(): void {
    let next = this.early.get(this.delivered + 1);
    while (next) {
      this.early.delete(next.seq);
      this.deliver(next);
      next = this.early.get(this.delivered + 1);
    }
    if (this.waiters.length) {
      const due = this.waiters.filter((waiter) => waiter.seq <= this.delivered);
      this.waiters = this.waiters.filter((waiter) => waiter.seq > this.delivered);
      for (const waiter of due) waiter.resolve();
    }
    const behind = this.knownCommitted > this.delivered;
    if (behind && !this.gapTimer && !this.reading) {
      this.gapTimer = setTimeout(() => {
        this.gapTimer = null;
        void this.fillGap();
      }, this.options.gapTimeoutMs);
    } else if (!behind && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  private deliver(event: OperationEvent): void {
    this.delivered = event.seq;
    if (this.ring.length < this.options.ringSize) {
      this.ring.push(event);
    } else {
      this.ring[this.ringStart] = event;
      this.ringStart = (this.ringStart + 1) % this.ring.length;
    }
    try {
      this.ports.emit(event);
    } catch (error) {
      this.ports.onError(error);
    }
  }

  /** The hole outlasted the timeout: read what is missing from the database, page by page. */
  private async fillGap(): Promise<void> {
    if (this.closed || this.reading) return;
    this.reading = true;
    try {
      while (!this.closed && this.knownCommitted > this.delivered) {
        const page = await this.ports.readAfter(this.delivered, this.options.readLimit);
        if (page.length === 0) {
          // The database is the authority: nothing more is committed than what it holds.
          this.knownCommitted = this.delivered;
          break;
        }
        for (const event of page) this.offer(event);
        if (page.length < this.options.readLimit) break;
      }
    } catch (error) {
      this.ports.onError(error);
    } finally {
      this.reading = false;
      if (!this.closed) this.drain();
    }
  }
}
