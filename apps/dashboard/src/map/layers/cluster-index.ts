import Supercluster from 'supercluster';

/**
 * What the cluster index is told when the reports change: only the reports whose place or
 * openness changed (or are new), and the ids of those gone. Places are `[lon, lat]` pairs.
 */
export interface IndexChanges {
  ids: string[];
  /** lon, lat of each id, in order. */
  places: Float64Array;
  /** 1 when the report still waits for a verdict (clusters count those), else 0. */
  open: Uint8Array;
  removed: string[];
}

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

interface Place {
  lon: number;
  lat: number;
  open: number;
}

/**
 * The reports' supercluster index, kept from changes: changes are applied at once (a map by id),
 * the index is rebuilt only when clusters are asked for after a change. Runs in the reports
 * layer's worker (`cluster-index.worker.ts`), or on the main thread where there are no workers.
 */
export class ClusterIndex {
  private readonly places = new Map<string, Place>();
  private index: Supercluster<{ id: string; open: number }, { open: number }> | null = null;
  private dirty = true;

  constructor(private readonly options: ClusterIndexOptions) {}

  get size(): number {
    return this.places.size;
  }

  apply(changes: IndexChanges): void {
    for (const id of changes.removed) this.places.delete(id);
    for (let i = 0; i < changes.ids.length; i++) {
      this.places.set(changes.ids[i], { lon: changes.places[2 * i], lat: changes.places[2 * i + 1], open: changes.open[i] });
    }
    if (changes.ids.length > 0 || changes.removed.length > 0) this.dirty = true;
  }

  clusters({ bbox, zoom }: ClusterQuery): IndexedItem[] {
    const features = this.built().getClusters(bbox, zoom);
    const items: IndexedItem[] = [];
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates;
      const properties = feature.properties as { id: string; open: number } | ({ open: number } & Supercluster.ClusterProperties);
      if ('cluster' in properties && properties.cluster) {
        items.push({ cluster: true, clusterId: properties.cluster_id, lon, lat, count: properties.point_count, abbreviated: String(properties.point_count_abbreviated), open: properties.open });
      } else {
        items.push({ cluster: false, id: (properties as { id: string }).id, lon, lat });
      }
    }
    return items;
  }

  /** The zoom at which a cluster splits, or null when the cluster is no longer in the index (it was rebuilt since it was drawn). */
  expansionZoom(clusterId: number): number | null {
    try {
      return this.built().getClusterExpansionZoom(clusterId);
    } catch {
      return null;
    }
  }

  private built(): Supercluster<{ id: string; open: number }, { open: number }> {
    if (this.index && !this.dirty) return this.index;
    const points: Supercluster.PointFeature<{ id: string; open: number }>[] = [];
    for (const [id, place] of this.places) {
      points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [place.lon, place.lat] }, properties: { id, open: place.open } });
    }
    const index = new Supercluster<{ id: string; open: number }, { open: number }>({
      radius: this.options.radius,
      minZoom: 4,
      maxZoom: 15,
      map: (properties) => ({ open: properties.open }),
      reduce: (accumulated, properties) => {
        accumulated.open += properties.open;
      },
    });
    index.load(points);
    this.index = index;
    this.dirty = false;
    return index;
  }
}
