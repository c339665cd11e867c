import type { TrailPoint } from '../../realtime/operation-state';

/** A trail point in layer pixels (integers, as Leaflet rounds them); the answer may be reused by the next call. */
export type ProjectPoint = (point: TrailPoint) => { x: number; y: number };

/**
 * The SVG path data of many trails in one: each trail of two points or more is a polyline of its
 * own ("M…L…"). A point within a pixel of the last one written is left out (the last point of a
 * trail only when on it), as Leaflet's simplification of a polyline would: a trail standing
 * still, or seen from afar, is a few points however many positions it holds.
 */
export function trailsPath(trails: Iterable<readonly TrailPoint[]>, project: ProjectPoint): string {
  // Concatenated (a rope, flattened once when set), not joined from an array of every part.
  let path = '';
  for (const points of trails) {
    if (points.length < 2) continue;
    const first = project(points[0]);
    let [lastX, lastY] = [first.x, first.y];
    path += `M${lastX} ${lastY}`;
    const end = points.length - 1;
    for (let index = 1; index <= end; index++) {
      const { x, y } = project(points[index]);
      const near = Math.abs(x - lastX) <= 1 && Math.abs(y - lastY) <= 1;
      if (near && (index < end || (x === lastX && y === lastY))) continue;
      path += `L${x} ${y}`;
      [lastX, lastY] = [x, y];
    }
  }
  // An empty path as Leaflet draws one.
  return path === '' ? 'M0 0' : path;
}

/** Whether two lists hold the same trails (the same arrays, in the same order). */
export function sameTrails(a: readonly (readonly TrailPoint[])[], b: readonly (readonly TrailPoint[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** A glyph drawn away from its place: its place, and how far away it is drawn (pixels). */
export interface Leg {
  lat: number;
  lon: number;
  dx: number;
  dy: number;
}

/** The SVG path data of the thin lines from each place to its glyph drawn away from it: a relative line each, so only the place is projected. */
export function legsPath(legs: Iterable<Leg>, project: (lat: number, lon: number) => { x: number; y: number }): string {
  let path = '';
  for (const leg of legs) {
    if (leg.dx === 0 && leg.dy === 0) continue;
    const { x, y } = project(leg.lat, leg.lon);
    path += `M${x} ${y}l${leg.dx} ${leg.dy}`;
  }
  return path === '' ? 'M0 0' : path;
}

/** Whether two lists hold lines of the same points (the same objects, in the same order): for lines built anew each time, such as trail heads. */
export function samePoints(a: readonly (readonly TrailPoint[])[], b: readonly (readonly TrailPoint[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) {
    const [one, other] = [a[index], b[index]];
    if (one.length !== other.length) return false;
    for (let at = 0; at < one.length; at++) if (one[at] !== other[at]) return false;
  }
  return true;
}
