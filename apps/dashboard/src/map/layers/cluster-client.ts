import type { ReportSummary } from '@lintas/contracts';
import { buildHierarchy, type ClusterHierarchy, clustersOf, expansionZoom, type Presence } from './cluster-hierarchy';
import type { ClusterAnswer, ClusterRequest } from './cluster-protocol';
import { clusterWorker } from './cluster-worker-pool';

/** While a build is on its way and more changes wait, what the last hierarchy holds is drawn when nothing has been drawn for this long (a stream of changes must not starve the map). */
const STALE_DRAW_MS = 500;

/**
 * Up to this many places the hierarchy is built on the main thread, at once: for the first
 * screen's 1,000 reports it takes milliseconds, and a worker's answer waited behind the first
 * picture's other tasks (the basemap's tiles) — seconds on a busy machine. Past it, in a worker.
 */
export const MAIN_THREAD_UP_TO = 2_000;

export interface ClusterQuery {
  /** west, south, east, north */
  bbox: [number, number, number, number];
  zoom: number;
}

/** One marker the layer draws: a cluster of reports, or one report (the layer knows it by id). */
export type IndexedItem =
  | { cluster: true; clusterId: number; lon: number; lat: number; count: number; abbreviated: string; open: number }
  | { cluster: false; id: string; lon: number; lat: number };

export interface ClusterIndexOptions {
  /** Supercluster's radius, in 1/512 of a tile (Leaflet's tiles are 256 px: 120 ≈ 60 screen pixels). */
  radius: number;
}

interface Port {
  post(request: ClusterRequest, transfer: Transferable[]): void;
  close(): void;
}

/** A hierarchy and the places it was built over: report ids by index, and their `[lon, lat]`. */
interface Built {
  hierarchy: ClusterHierarchy;
  ids: string[];
  places: Float64Array;
  slots: Map<string, number>;
  generation: number;
}

/**
 * The reports layer's clusters. `update` gives the reports present now; `ask` asks for the
 * clusters in view and `onClusters` draws the answer; the layer reads the reports themselves
 * (kind, status, title) with `report`. The clusters come from a hierarchy of the reports' places
 * (`cluster-hierarchy.ts`) kept on the main thread: a question is answered at once, in the same
 * task, when the hierarchy holds every present report where it is. A new or moved report needs a
 * new hierarchy (built at once while small, else in a worker: the question is answered when it
 * comes, the newest question winning). A report gone needs none while `holdAbsent` (replay: its
 * place stays in the hierarchy, absent, for the moments that show it again); live, the hierarchy
 * is built again over what is present, so the clusters are those of what is shown. Where there
 * are no workers (tests in Node) or the worker fails, the build runs on the main thread behind the
 * same asynchronous answer.
 */
export class ClusterClient {
  /** The reports present, as last given to `update`. */
  private readonly present = new Map<string, { report: ReportSummary; stamp: number }>();
  private stamp = 0;
  private built: Built | null = null;
  private presence: Presence = { present: new Uint8Array(0), open: new Uint8Array(0) };
  /** Every present report is in the hierarchy, where it is now. */
  private covered = true;
  private generation = 0;
  private seq = 0;
  /** The build on its way, and whether changes since need another. */
  private building: number | null = null;
  /** The question waiting for a build. */
  private wanted: ClusterQuery | null = null;
  private lastDelivered = -Infinity;
  private port: Port | null = null;
  private closed = false;
  /** Keep reports gone in the hierarchy (replay: the moments come and go, the places stay). */
  holdAbsent = false;

  constructor(
    private readonly options: ClusterIndexOptions,
    private readonly onClusters: (items: IndexedItem[]) => void,
    private readonly mainThreadUpTo = MAIN_THREAD_UP_TO,
  ) {}

  /** Gives the reports present now; answers whether anything clustered changed (else the drawn answer stands, only the reports' looks may have changed). */
  update(reports: readonly ReportSummary[]): boolean {
    const stamp = ++this.stamp;
    const built = this.built;
    const { present, open } = this.presence;
    let changed = false;
    let covered = true;
    for (const report of reports) {
      if (report.lat === null || report.lon === null) continue;
      const known = this.present.get(report.id);
      if (known?.stamp === stamp) continue; // listed twice: the first counts
      if (known && known.report === report && this.covered) {
        known.stamp = stamp;
        continue;
      }
      const slot = built?.slots.get(report.id);
      if (slot === undefined || built!.places[2 * slot] !== report.lon || built!.places[2 * slot + 1] !== report.lat) covered = false;
      else {
        const isOpen = report.status === 'reported' ? 1 : 0;
        if (present[slot] !== 1 || open[slot] !== isOpen) changed = true;
        present[slot] = 1;
        open[slot] = isOpen;
      }
      if (known) {
        known.report = report;
        known.stamp = stamp;
      } else this.present.set(report.id, { report, stamp });
    }
    for (const [id, known] of this.present) {
      if (known.stamp === stamp) continue;
      this.present.delete(id);
      const slot = built?.slots.get(id);
      if (slot !== undefined) present[slot] = 0;
      changed = true;
    }
    // Reports checked one by one only where the hierarchy held them all: `covered` is the whole truth.
    this.covered = covered;
    return changed || !covered;
  }

  /** The report present by this id, as last given to `update`. */
  report(id: string): ReportSummary | undefined {
    return this.present.get(id)?.report;
  }

  /** Asks for the clusters and reports in `query`; `onClusters` gets the answer, now or when the hierarchy it needs is built (or the answer to a newer question). */
  ask(query: ClusterQuery): void {
    if (this.current()) {
      this.wanted = null;
      this.deliver(query);
      return;
    }
    this.wanted = query;
    this.build();
  }

  /** A question waits for a hierarchy on its way. */
  get asking(): boolean {
    return this.wanted !== null;
  }

  /** The zoom at which the cluster's reports part, or null when it was drawn from another hierarchy. */
  expansionZoom(clusterId: number): Promise<number | null> {
    const built = this.built;
    return Promise.resolve(built ? expansionZoom(built.hierarchy, this.presence, clusterId, built.generation) : null);
  }

  close(): void {
    this.closed = true;
    this.port?.close();
  }

  /** The hierarchy answers for what is present: it holds every present report where it is, and (live) nothing else. */
  private current(): boolean {
    const built = this.built;
    if (!built || !this.covered) return false;
    return this.holdAbsent || this.present.size === built.ids.length;
  }

  private deliver(query: ClusterQuery): void {
    const built = this.built;
    this.lastDelivered = performance.now();
    if (!built) {
      this.onClusters([]);
      return;
    }
    const items = clustersOf(built.hierarchy, this.presence, query.bbox, query.zoom, built.generation);
    this.onClusters(items.map((item) => (item.cluster ? item : { cluster: false, id: built.ids[item.place], lon: built.places[2 * item.place], lat: built.places[2 * item.place + 1] })));
  }

  /** A hierarchy of the present reports (and, holding them, the absent ones it had): at once while small, else from the worker. */
  private build(): void {
    if (this.building !== null) return; // the answer's arrival builds again if it is still needed
    const ids: string[] = [];
    const coordinates: number[] = [];
    for (const [id, { report }] of this.present) {
      ids.push(id);
      coordinates.push(report.lon!, report.lat!);
    }
    const built = this.built;
    if (this.holdAbsent && built) {
      for (let slot = 0; slot < built.ids.length; slot++) {
        if (this.present.has(built.ids[slot])) continue;
        ids.push(built.ids[slot]);
        coordinates.push(built.places[2 * slot], built.places[2 * slot + 1]);
      }
    }
    const places = Float64Array.from(coordinates);
    const seq = ++this.seq;
    this.building = seq;
    this.pending = { seq, ids, places: places.slice() };
    if (ids.length <= this.mainThreadUpTo) {
      this.install(seq, buildHierarchy(places, this.options.radius));
      return;
    }
    this.port ??= typeof Worker === 'function' ? this.workerPort() : this.inThreadPort();
    this.port.post({ type: 'build', seq, places, radius: this.options.radius }, [places.buffer]);
  }

  /** The places of the build on its way (the worker was handed a copy). */
  private pending: { seq: number; ids: string[]; places: Float64Array } | null = null;

  private install(seq: number, hierarchy: ClusterHierarchy): void {
    const pending = this.pending;
    if (this.closed || !pending || pending.seq !== seq) return;
    this.pending = null;
    this.building = null;
    const slots = new Map<string, number>();
    pending.ids.forEach((id, slot) => slots.set(id, slot));
    this.built = { hierarchy, ids: pending.ids, places: pending.places, slots, generation: ++this.generation };
    const present = new Uint8Array(pending.ids.length);
    const open = new Uint8Array(pending.ids.length);
    let covered = true;
    for (const [id, { report }] of this.present) {
      const slot = slots.get(id);
      if (slot === undefined || pending.places[2 * slot] !== report.lon || pending.places[2 * slot + 1] !== report.lat) {
        covered = false;
        continue;
      }
      present[slot] = 1;
      open[slot] = report.status === 'reported' ? 1 : 0;
    }
    this.presence = { present, open };
    this.covered = covered;
    const wanted = this.wanted;
    if (!wanted) return;
    if (this.current()) {
      this.wanted = null;
      this.deliver(wanted);
      return;
    }
    // Changed again meanwhile: another build; what this one holds is drawn if the map has waited too long.
    if (performance.now() - this.lastDelivered >= STALE_DRAW_MS) this.deliver(wanted);
    this.build();
  }

  private answered(answer: ClusterAnswer): void {
    this.install(answer.seq, answer.hierarchy);
  }

  private workerPort(): Port {
    const worker = clusterWorker();
    worker.onmessage = (event: MessageEvent<ClusterAnswer>) => this.answered(event.data);
    // A worker that cannot start (its chunk refused, a browser without module workers): the builds move to the main thread.
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (this.closed) return;
      this.port = this.inThreadPort();
      const pending = this.pending;
      if (pending) this.port.post({ type: 'build', seq: pending.seq, places: pending.places.slice(), radius: this.options.radius }, []);
    };
    return { post: (request, transfer) => worker.postMessage(request, transfer), close: () => worker.terminate() };
  }

  private inThreadPort(): Port {
    let open = true;
    return {
      post: (request) => {
        setTimeout(() => open && this.answered({ type: 'built', seq: request.seq, hierarchy: buildHierarchy(request.places, request.radius) }), 0);
      },
      close: () => {
        open = false;
      },
    };
  }
}
