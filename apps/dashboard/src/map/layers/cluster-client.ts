import type { ReportSummary } from '@lintas/contracts';
import { ClusterIndex, type ClusterIndexOptions, type ClusterQuery, type IndexChanges, type IndexedItem } from './cluster-index';
import type { ClusterAnswer, ClusterRequest } from './cluster-protocol';
import { clusterWorker } from './cluster-worker-pool';

/** An answer overtaken by a newer question is dropped, unless nothing has been drawn for this long (a stream of questions must not starve the map). */
const STALE_DRAW_MS = 500;

interface Port {
  post(request: ClusterRequest, transfer?: Transferable[]): void;
  close(): void;
}

/**
 * Up to this many reports the index is kept on the main thread and answers at once: building it
 * for the first screen's 1,000 reports takes milliseconds, and a worker's answer waited behind
 * the first picture's other tasks (the basemap's tiles) — seconds on a busy machine. Past it the
 * index moves to a worker for good.
 */
export const MAIN_THREAD_UP_TO = 2_000;

/**
 * The main thread's side of a reports layer's cluster index. `update` tells the index only what
 * changed since the last call (new, moved, opened or closed reports, and the ids gone); `ask`
 * asks for the clusters in view and `onClusters` draws the answer; the layer reads the reports
 * themselves (kind, status, title) with `report`. A small index answers at once on the main
 * thread (`MAIN_THREAD_UP_TO`); a larger one is rebuilt in a worker, the newest question winning
 * (one in flight at a time, so a burst of changes costs one rebuild). Where there are no workers
 * (tests in Node) or the worker fails, the same index runs on the main thread behind the same
 * asynchronous answers.
 */
export class ClusterClient {
  private readonly sent = new Map<string, { report: ReportSummary; stamp: number }>();
  private stamp = 0;
  private seq = 0;
  private inFlight: { seq: number; query: ClusterQuery } | null = null;
  private next: ClusterQuery | null = null;
  private lastDelivered = -Infinity;
  private readonly expansions = new Map<number, (zoom: number | null) => void>();
  /** The index while it is small, on the main thread; null once it has moved to `port`. */
  private local: ClusterIndex | null;
  private port: Port | null = null;
  private closed = false;

  constructor(
    private readonly options: ClusterIndexOptions,
    private readonly onClusters: (items: IndexedItem[]) => void,
    private readonly mainThreadUpTo = MAIN_THREAD_UP_TO,
  ) {
    this.local = new ClusterIndex(options);
  }

  /** Tells the index what changed; answers whether anything it clusters did (else the drawn answer stands, only the reports' looks may have changed). */
  update(reports: readonly ReportSummary[]): boolean {
    const stamp = ++this.stamp;
    const ids: string[] = [];
    const places: number[] = [];
    const open: number[] = [];
    for (const report of reports) {
      if (report.lat === null || report.lon === null) continue;
      const known = this.sent.get(report.id);
      if (known?.stamp === stamp) continue; // listed twice: the first counts
      if (known && known.report === report) {
        known.stamp = stamp;
        continue;
      }
      const isOpen = report.status === 'reported' ? 1 : 0;
      if (!known || known.report.lat !== report.lat || known.report.lon !== report.lon || (known.report.status === 'reported' ? 1 : 0) !== isOpen) {
        ids.push(report.id);
        places.push(report.lon, report.lat);
        open.push(isOpen);
      }
      if (known) {
        known.report = report;
        known.stamp = stamp;
      } else this.sent.set(report.id, { report, stamp });
    }
    const removed: string[] = [];
    for (const [id, known] of this.sent) {
      if (known.stamp !== stamp) {
        removed.push(id);
        this.sent.delete(id);
      }
    }
    if (ids.length === 0 && removed.length === 0) return false;
    if (this.local && this.sent.size > this.mainThreadUpTo) {
      // Grown past what the main thread should index: the worker gets every report once.
      this.local = null;
      this.port = typeof Worker === 'function' ? this.workerPort() : this.inThreadPort();
      this.port.post({ type: 'init', options: this.options });
      this.sendAll();
      return true;
    }
    const changes: IndexChanges = { ids, places: Float64Array.from(places), open: Uint8Array.from(open), removed };
    if (this.local) this.local.apply(changes);
    else this.port?.post({ type: 'changes', ...changes }, [changes.places.buffer, changes.open.buffer]);
    return true;
  }

  /** The report the index knows by this id, as last given to `update`. */
  report(id: string): ReportSummary | undefined {
    return this.sent.get(id)?.report;
  }

  /** Asks for the clusters and reports in `query`; `onClusters` gets the answer (or the answer to a newer question). */
  ask(query: ClusterQuery): void {
    if (this.local) {
      this.onClusters(this.local.clusters(query));
      return;
    }
    if (this.inFlight) {
      this.next = query;
      return;
    }
    this.send(query);
  }

  /** A question is on its way, or waiting for one to come back. */
  get asking(): boolean {
    return this.inFlight !== null;
  }

  /** The zoom at which the cluster splits, or null when the index was rebuilt since it was drawn. */
  expansionZoom(clusterId: number): Promise<number | null> {
    if (this.local) return Promise.resolve(this.local.expansionZoom(clusterId));
    const seq = ++this.seq;
    return new Promise((resolve) => {
      this.expansions.set(seq, resolve);
      this.port?.post({ type: 'expansion', seq, clusterId });
    });
  }

  close(): void {
    this.closed = true;
    this.port?.close();
    for (const resolve of this.expansions.values()) resolve(null);
    this.expansions.clear();
  }

  private send(query: ClusterQuery): void {
    const seq = ++this.seq;
    this.inFlight = { seq, query };
    this.port?.post({ type: 'clusters', seq, ...query });
  }

  /** Every report known, to an index that starts empty. */
  private sendAll(): void {
    const ids: string[] = [];
    const places = new Float64Array(2 * this.sent.size);
    const open = new Uint8Array(this.sent.size);
    for (const [id, { report }] of this.sent) {
      places[2 * ids.length] = report.lon!;
      places[2 * ids.length + 1] = report.lat!;
      open[ids.length] = report.status === 'reported' ? 1 : 0;
      ids.push(id);
    }
    this.port?.post({ type: 'changes', ids, places, open, removed: [] }, [places.buffer, open.buffer]);
  }

  private answered(answer: ClusterAnswer): void {
    if (this.closed) return;
    if (answer.type === 'expansion') {
      this.expansions.get(answer.seq)?.(answer.zoom);
      this.expansions.delete(answer.seq);
      return;
    }
    if (answer.seq !== this.inFlight?.seq) return;
    this.inFlight = null;
    const newer = this.next;
    this.next = null;
    if (newer) this.send(newer);
    if (newer && performance.now() - this.lastDelivered < STALE_DRAW_MS) return;
    this.lastDelivered = performance.now();
    this.onClusters(answer.items);
  }

  private workerPort(): Port {
    const worker = clusterWorker();
    worker.onmessage = (event: MessageEvent<ClusterAnswer>) => this.answered(event.data);
    // A worker that cannot start (its chunk refused, a browser without module workers): the index moves to the main thread.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (this.closed) return;
      this.port = this.inThreadPort();
      this.port.post({ type: 'init', options: this.options });
      this.sendAll();
      if (this.inFlight) this.send(this.inFlight.query);
    };
    return { post: (request, transfer) => worker.postMessage(request, transfer ?? []), close: () => worker.terminate() };
  }

  private inThreadPort(): Port {
    let index: ClusterIndex | null = null;
    let open = true;
    const answer = (value: ClusterAnswer) => setTimeout(() => open && this.answered(value), 0);
    return {
      post: (request) => {
        switch (request.type) {
          case 'init':
            index = new ClusterIndex(request.options);
            return;
          case 'changes':
            index?.apply(request);
            return;
          case 'clusters':
            answer({ type: 'clusters', seq: request.seq, items: index?.clusters(request) ?? [], indexed: index?.size ?? 0 });
            return;
          case 'expansion':
            answer({ type: 'expansion', seq: request.seq, zoom: index?.expansionZoom(request.clusterId) ?? null });
            return;
        }
      },
      close: () => {
        open = false;
      },
    };
  }
}
