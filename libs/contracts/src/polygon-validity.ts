import { ISSUE_MESSAGES, issueMessage } from './issue-messages';

/**
 * Whether a GeoJSON polygon is a simple, non-degenerate area (OGC Simple Features, a little
 * stricter: rings may not touch at all). Planar on longitude/latitude, which is what a map draws.
 *
 * Not @turf/kinks or @turf/boolean-valid: both compare every segment with every other (kinks took
 * 1.4 s on a 10,000-point ring; boolean-valid 0.6 s on 2,000) and boolean-valid accepts a
 * figure-eight. Here the segments are sorted by their west edge and each is compared only with the
 * segments whose x-range it overlaps (sort and sweep), stopping at the first crossing.
 *
 * Callers check the structure first (closed-form arrays of finite [lon, lat] pairs, bounded in
 * length); these functions do not throw on such input.
 */
export type Position = readonly [number, number];

export interface GeometryProblem {
  /** Relative to the polygon object, e.g. `['coordinates', 1]`. */
  path: (string | number)[];
  message: string;
}

/** Below this (square degrees, about 1 m² at the equator) a ring encloses no area. */
const MIN_RING_AREA = 1e-10;

/** The first problem found, or null for a valid polygon. `rings[0]` is the shell, the rest holes. */
export function polygonProblem(rings: readonly (readonly Position[])[]): GeometryProblem | null {
  const distinct: Position[][] = [];
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      return { path: ['coordinates', r], message: ISSUE_MESSAGES.ring_not_closed };
    }
    const vertices = distinctVertices(ring);
    if (vertices.length < 3) return { path: ['coordinates', r], message: ISSUE_MESSAGES.ring_few_distinct };
    distinct.push(vertices);
  }
  const crossing = firstCrossing(distinct);
  if (crossing === 'too-intricate') {
    return { path: ['coordinates'], message: ISSUE_MESSAGES.polygon_too_intricate };
  }
  if (crossing) {
    const [a, b] = crossing;
    return a === b
      ? { path: ['coordinates', a], message: ISSUE_MESSAGES.ring_crosses_itself }
      : { path: ['coordinates', b], message: issueMessage('ring_crosses_ring', { ring: a }) };
  }
  // After the crossing test: a figure-eight's two lobes cancel out, and it is better told it crosses itself.
  for (let r = 0; r < distinct.length; r++) {
    if (Math.abs(signedArea(distinct[r])) < MIN_RING_AREA) return { path: ['coordinates', r], message: ISSUE_MESSAGES.ring_no_area };
  }
  // No two rings cross or touch, so one vertex tells on which side of another ring a ring lies.
  for (let h = 1; h < distinct.length; h++) {
    if (!insideRing(distinct[h][0], distinct[0])) return { path: ['coordinates', h], message: ISSUE_MESSAGES.hole_outside };
    for (let other = 1; other < distinct.length; other++) {
      if (other !== h && insideRing(distinct[h][0], distinct[other])) {
        return { path: ['coordinates', h], message: issueMessage('hole_inside_hole', { hole: other }) };
      }
    }
  }
  return null;
}

/** The ring's vertices without the closing position and without repeated consecutive positions. */
function distinctVertices(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const previous = out[out.length - 1];
    if (!previous || previous[0] !== ring[i][0] || previous[1] !== ring[i][1]) out.push(ring[i]);
  }
  while (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  return out;
}

/** Shoelace formula, square degrees. */
function signedArea(vertices: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = vertices.length - 1; i < vertices.length; j = i++) {
    sum += (vertices[j][0] - vertices[i][0]) * (vertices[j][1] + vertices[i][1]);
  }
  return sum / 2;
}

/**
 * Segment pairs compared at most. An area drawn on a map needs a few per segment (a 10,000-point
 * circle with four holes: 55,000 in all); only many long edges side by side (a comb of slanted
 * teeth) approach the quadratic worst case, which this bound cuts off (about 0.1 s on a busy 2-core machine).
 */
export const MAX_PAIR_TESTS = 2_000_000;

/**
 * The rings of the first two segments that cross, touch or overlap (other than neighbours sharing
 * their common vertex), or null. Segment s of ring r runs from vertex s to vertex s + 1 (wrapping).
 */
export function firstCrossing(rings: readonly Position[][], maxPairTests = MAX_PAIR_TESTS): [number, number] | 'too-intricate' | null {
  let total = 0;
  for (const ring of rings) total += ring.length;
  // Segment s runs from (ax, ay) to (bx, by); `next` is the segment that starts where s ends.
  const seg: Segments = { ax: new Float64Array(total), ay: new Float64Array(total), bx: new Float64Array(total), by: new Float64Array(total) };
  const ringOf = new Int32Array(total);
  const next = new Int32Array(total);
  const minX = new Float64Array(total);
  const maxX = new Float64Array(total);
  const minY = new Float64Array(total);
  const maxY = new Float64Array(total);
  let n = 0;
  rings.forEach((ring, r) => {
    const first = n;
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      seg.ax[n] = a[0];
      seg.ay[n] = a[1];
      seg.bx[n] = b[0];
      seg.by[n] = b[1];
      ringOf[n] = r;
      next[n] = i + 1 < ring.length ? n + 1 : first;
      minX[n] = Math.min(a[0], b[0]);
      maxX[n] = Math.max(a[0], b[0]);
      minY[n] = Math.min(a[1], b[1]);
      maxY[n] = Math.max(a[1], b[1]);
      n++;
    }
  });
  const order = Array.from({ length: total }, (_, i) => i).sort((p, q) => minX[p] - minX[q]);
  // The segments whose x-range reaches the current one's west edge; compacted in place as the sweep moves east.
  const active = new Int32Array(total);
  let size = 0;
  let budget = maxPairTests;
  for (const s of order) {
    budget -= size;
    if (budget < 0) return 'too-intricate';
    let kept = 0;
    for (let k = 0; k < size; k++) {
      const t = active[k];
      if (maxX[t] < minX[s]) continue;
      active[kept++] = t;
      if (minY[t] > maxY[s] || minY[s] > maxY[t]) continue;
      // Neighbours share one vertex; they are wrong only when the second folds back along the first (a spike).
      const meet = next[s] === t ? foldsBack(seg, s, t) : next[t] === s ? foldsBack(seg, t, s) : segmentsIntersect(seg, s, t);
      if (meet) return [Math.min(ringOf[s], ringOf[t]), Math.max(ringOf[s], ringOf[t])];
    }
    size = kept;
    active[size++] = s;
  }
  return null;
}

interface Segments {
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
}

/** Segment t starts where s ends: does it go back along s? */
function foldsBack(seg: Segments, s: number, t: number): boolean {
  const ux = seg.bx[s] - seg.ax[s];
  const uy = seg.by[s] - seg.ay[s];
  const vx = seg.bx[t] - seg.ax[t];
  const vy = seg.by[t] - seg.ay[t];
  return ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0;
}

/** Closed segments s and t share at least one point. */
function segmentsIntersect(seg: Segments, s: number, t: number): boolean {
  const ax = seg.ax[s], ay = seg.ay[s], bx = seg.bx[s], by = seg.by[s];
  const cx = seg.ax[t], cy = seg.ay[t], dx = seg.bx[t], dy = seg.by[t];
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (d1 * d2 < 0 && d3 * d4 < 0) return true;
  return (
    (d1 === 0 && within(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && within(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && within(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && within(ax, ay, bx, by, dx, dy))
  );
}

/** The side of line p→q that r lies on: 1 left, -1 right, 0 on it. */
function orient(px: number, py: number, qx: number, qy: number, rx: number, ry: number): number {
  return Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
}

/** r, known to be on the line through p and q, lies within the segment. */
function within(px: number, py: number, qx: number, qy: number, rx: number, ry: number): boolean {
  return Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
}

/** Ray casting; `point` is known not to lie on the ring. */
function insideRing(point: Position, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0];
    const yi = ring[i][1];
    const xj = ring[j][0];
    const yj = ring[j][1];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
