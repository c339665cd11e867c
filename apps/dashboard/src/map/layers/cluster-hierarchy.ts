import KDBush from 'kdbush';

/**
 * The reports' clusters at every zoom, built once for a set of places and then asked for any
 * subset of them. The build is supercluster's (the same greedy pass, zoom by zoom from the
 * finest, over the same KD-trees: with every place present the clusters are supercluster's); what
 * it keeps is, for each zoom, the cluster each place belongs to. Which places are present (and
 * open) is given at each question: a cluster counts and centres its present places, one present
 * place is drawn as itself, none is not drawn. A replayed moment changes which reports exist, not
 * where they are: it is answered from the same hierarchy without building it again.
 */
export interface ClusterHierarchy {
  radius: number;
  /** Each place's projected x and y (Web Mercator in 0..1, as supercluster rounds them). */
  x: Float64Array;
  y: Float64Array;
  /** For each zoom from MIN_ZOOM to MAX_ZOOM (index zoom - MIN_ZOOM), the node each place belongs to. */
  nodeOf: Int32Array[];
  /** How many nodes each of those zooms has. */
  nodes: number[];
}

export const MIN_ZOOM = 4;
/** Above it every report is drawn on its own (supercluster's maxZoom). */
export const MAX_ZOOM = 15;
/** Supercluster's tile extent: the radius is in 1/512 of a tile. */
const EXTENT = 512;

/** What is present at a moment, by place index (1 or 0), and which present reports are open. */
export interface Presence {
  present: Uint8Array;
  open: Uint8Array;
}

export type HierarchyItem =
  | { cluster: true; clusterId: number; lon: number; lat: number; count: number; abbreviated: string; open: number }
  | { cluster: false; place: number };

/** Builds the hierarchy of `places` (`[lon, lat]` pairs). Runs in the reports layer's worker (or on the main thread while small). */
export function buildHierarchy(places: Float64Array, radius: number): ClusterHierarchy {
  const count = places.length / 2;
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = Math.fround(lngX(places[2 * i]));
    y[i] = Math.fround(latY(places[2 * i + 1]));
  }
  const nodeOf: Int32Array[] = new Array(MAX_ZOOM - MIN_ZOOM + 1);
  const nodes: number[] = new Array(MAX_ZOOM - MIN_ZOOM + 1);
  // The level below: its nodes' centres and sizes, and the node of each place in it (at first, the places themselves).
  let cx = x;
  let cy = y;
  let size = new Int32Array(count).fill(1);
  let n = count;
  let below: Int32Array | null = null;
  for (let zoom = MAX_ZOOM; zoom >= MIN_ZOOM; zoom--) {
    const tree = new KDBush(n, 64, Float32Array);
    for (let i = 0; i < n; i++) tree.add(cx[i], cy[i]);
    tree.finish();
    const r = radius / (EXTENT * Math.pow(2, zoom));
    const done = new Uint8Array(n);
    const parent = new Int32Array(n);
    const nx = new Float64Array(n);
    const ny = new Float64Array(n);
    const nsize = new Int32Array(n);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (done[i]) continue;
      done[i] = 1;
      const neighbours = tree.within(cx[i], cy[i], r);
      let total = size[i];
      for (const k of neighbours) if (!done[k]) total += size[k];
      parent[i] = m;
      nsize[m] = total;
      if (total === size[i]) {
        // Nothing near: the node goes up as it is.
        nx[m] = cx[i];
        ny[m] = cy[i];
        m++;
        continue;
      }
      let wx = cx[i] * size[i];
      let wy = cy[i] * size[i];
      for (const k of neighbours) {
        if (done[k]) continue;
        done[k] = 1;
        wx += cx[k] * size[k];
        wy += cy[k] * size[k];
        parent[k] = m;
      }
      nx[m] = wx / total;
      ny[m] = wy / total;
      m++;
    }
    const level = new Int32Array(count);
    for (let p = 0; p < count; p++) level[p] = parent[below ? below[p] : p];
    nodeOf[zoom - MIN_ZOOM] = level;
    nodes[zoom - MIN_ZOOM] = m;
    below = level;
    cx = nx;
    cy = ny;
    size = nsize;
    n = m;
  }
  return { radius, x, y, nodeOf, nodes };
}

/**
 * The clusters and single places present in `bbox` (west, south, east, north) at `zoom`, in the
 * hierarchy's order. A cluster's id names its node, zoom and the hierarchy (`generation`):
 * `expansionZoom` answers null for an id of another hierarchy.
 */
export function clustersOf(hierarchy: ClusterHierarchy, presence: Presence, bbox: readonly [number, number, number, number], zoom: number, generation: number): HierarchyItem[] {
  const [west, south, east, north] = bbox;
  // As supercluster reads a box: longitudes wrapped, a box across the antimeridian in two.
  let minLng = ((((west + 180) % 360) + 360) % 360) - 180;
  let maxLng = east === 180 ? 180 : ((((east + 180) % 360) + 360) % 360) - 180;
  if (east - west >= 360) {
    minLng = -180;
    maxLng = 180;
  } else if (minLng > maxLng) {
    return [...clustersOf(hierarchy, presence, [minLng, south, 180, north], zoom, generation), ...clustersOf(hierarchy, presence, [-180, south, maxLng, north], zoom, generation)];
  }
  const x0 = lngX(minLng);
  const x1 = lngX(maxLng);
  const y0 = latY(Math.max(-90, Math.min(90, north)));
  const y1 = latY(Math.max(-90, Math.min(90, south)));
  const inBox = (px: number, py: number) => px >= x0 && px <= x1 && py >= y0 && py <= y1;
  const { x, y } = hierarchy;
  const { present, open } = presence;
  const level = Math.max(MIN_ZOOM, Math.min(Math.floor(zoom), MAX_ZOOM + 1));
  const items: HierarchyItem[] = [];
  if (level > MAX_ZOOM) {
    for (let p = 0; p < x.length; p++) if (present[p] && inBox(x[p], y[p])) items.push({ cluster: false, place: p });
    return items;
  }
  const nodeOf = hierarchy.nodeOf[level - MIN_ZOOM];
  const nodes = hierarchy.nodes[level - MIN_ZOOM];
  const counts = new Int32Array(nodes);
  const opens = new Int32Array(nodes);
  const last = new Int32Array(nodes);
  const sx = new Float64Array(nodes);
  const sy = new Float64Array(nodes);
  for (let p = 0; p < x.length; p++) {
    if (!present[p]) continue;
    const node = nodeOf[p];
    counts[node]++;
    opens[node] += open[p];
    last[node] = p;
    sx[node] += x[p];
    sy[node] += y[p];
  }
  for (let node = 0; node < nodes; node++) {
    const count = counts[node];
    if (count === 0) continue;
    if (count === 1) {
      const p = last[node];
      if (inBox(x[p], y[p])) items.push({ cluster: false, place: p });
      continue;
    }
    const cx = sx[node] / count;
    const cy = sy[node] / count;
    if (!inBox(cx, cy)) continue;
    items.push({ cluster: true, clusterId: clusterIdOf(node, level, generation), lon: xLng(cx), lat: yLat(cy), count, abbreviated: abbreviate(count), open: opens[node] });
  }
  return items;
}

/** The zoom at which a cluster's present places part (supercluster's `getClusterExpansionZoom`), or null for a cluster of another hierarchy. */
export function expansionZoom(hierarchy: ClusterHierarchy, presence: Presence, clusterId: number, generation: number): number | null {
  const id = parseClusterId(clusterId);
  if (id.generation !== generation % GENERATIONS || id.zoom < MIN_ZOOM || id.zoom > MAX_ZOOM || id.node >= hierarchy.nodes[id.zoom - MIN_ZOOM]) return null;
  const { present } = presence;
  let node = id.node;
  for (let zoom = id.zoom; zoom <= MAX_ZOOM; zoom++) {
    const here = hierarchy.nodeOf[zoom - MIN_ZOOM];
    const finer = zoom < MAX_ZOOM ? hierarchy.nodeOf[zoom + 1 - MIN_ZOOM] : null;
    // The present children one zoom finer: more than one (or none: the cluster is gone), it parts there.
    let child = -1;
    let parts = false;
    for (let p = 0; p < here.length; p++) {
      if (!present[p] || here[p] !== node) continue;
      const next = finer ? finer[p] : p;
      if (child === -1) child = next;
      else if (next !== child) {
        parts = true;
        break;
      }
    }
    if (child === -1) return null;
    if (parts || !finer) return zoom + 1;
    node = child;
  }
  return MAX_ZOOM + 1;
}

/** Cluster ids tell hierarchies apart modulo this (a cluster drawn four builds ago is long gone). */
const GENERATIONS = 1024;

function clusterIdOf(node: number, zoom: number, generation: number): number {
  return (node * 32 + zoom) * GENERATIONS + (generation % GENERATIONS);
}

function parseClusterId(id: number): { node: number; zoom: number; generation: number } {
  const generation = id % GENERATIONS;
  const rest = Math.floor(id / GENERATIONS);
  return { node: Math.floor(rest / 32), zoom: rest % 32, generation };
}

/** Supercluster's abbreviated count. */
function abbreviate(count: number): string {
  return count >= 10000 ? `${Math.round(count / 1000)}k` : count >= 1000 ? `${Math.round(count / 100) / 10}k` : String(count);
}

function lngX(lng: number): number {
  return lng / 360 + 0.5;
}

function latY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

function xLng(x: number): number {
  return (x - 0.5) * 360;
}

function yLat(y: number): number {
  const y2 = ((180 - y * 360) * Math.PI) / 180;
  return (360 * Math.atan(Math.exp(y2))) / Math.PI - 90;
}
