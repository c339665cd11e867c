import type { TrailPoint } from '../../realtime/operation-state';

/** A trail point in layer pixels, written as SVG path coordinates ("x y"). */
export type PointText = (point: TrailPoint) => string;

/** The SVG path data of many trails in one: each trail of two points or more is a polyline of its own ("M…L…"). */
export function trailsPath(trails: Iterable<readonly TrailPoint[]>, textOf: PointText): string {
  // Concatenated (a rope, flattened once when set), not joined from an array of every part.
  let path = '';
  for (const points of trails) {
    if (points.length < 2) continue;
    path += 'M' + textOf(points[0]);
    for (let index = 1; index < points.length; index++) path += 'L' + textOf(points[index]);
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
