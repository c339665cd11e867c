import { bearing as turfBearing } from '@turf/bearing';
import { distance as turfDistance } from '@turf/distance';
import { z } from 'zod';
import { ISSUE_MESSAGES, issueMessage } from './issue-messages';
import { polygonProblem, type Position } from './polygon-validity';

/** Longitude and latitude in WGS 84 degrees, range-checked. */
export const latitudeSchema = z.number().min(-90, ISSUE_MESSAGES.latitude_min).max(90, ISSUE_MESSAGES.latitude_max);
export const longitudeSchema = z.number().min(-180, ISSUE_MESSAGES.longitude_min).max(180, ISSUE_MESSAGES.longitude_max);

export const pointSchema = z.strictObject({ lat: latitudeSchema, lon: longitudeSchema });
export type LatLon = z.infer<typeof pointSchema>;

const positionSchema = z.tuple([longitudeSchema, latitudeSchema]);

/** Positions in one ring, and in a whole polygon (all rings): bounds on the work one request can cause. */
export const MAX_RING_POSITIONS = 2000;
export const MAX_POLYGON_POSITIONS = 10_000;
export const MAX_POLYGON_RINGS = 20;

/**
 * Counts positions before anything else looks at them, so an oversized body is refused in
 * microseconds. Anything not shaped like rings of positions is left to the schema's own messages.
 */
function refuseOversized(value: unknown, ctx: { addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void }): unknown {
  const rings = (value as { coordinates?: unknown } | null)?.coordinates;
  if (!Array.isArray(rings)) return value;
  let positions = 0;
  for (const ring of rings) if (Array.isArray(ring)) positions += ring.length;
  if (positions > MAX_POLYGON_POSITIONS) {
    ctx.addIssue({ code: 'custom', path: ['coordinates'], message: issueMessage('polygon_too_many_positions', { maximum: MAX_POLYGON_POSITIONS, count: positions }) });
  }
  return value;
}

const ringSchema = z
  .array(positionSchema)
  .min(4, ISSUE_MESSAGES.ring_too_short)
  .max(MAX_RING_POSITIONS, issueMessage('ring_too_many_positions', { maximum: MAX_RING_POSITIONS }));

/**
 * A GeoJSON Polygon: an outer ring and up to 19 holes, each closed, enclosing an area, crossing and
 * touching neither itself nor another ring; every hole inside the outer ring and outside the others.
 */
export const polygonSchema = z.preprocess(
  refuseOversized,
  z
    .strictObject({
      type: z.literal('Polygon'),
      coordinates: z.array(ringSchema).min(1, ISSUE_MESSAGES.polygon_needs_outer_ring).max(MAX_POLYGON_RINGS, issueMessage('polygon_too_many_rings', { maximum: MAX_POLYGON_RINGS })),
    })
    .superRefine((polygon, ctx) => {
      // zod runs refinements after issues it can continue past (a short ring): judge only well-formed rings.
      if (!wellFormedRings(polygon.coordinates)) return;
      const problem = polygonProblem(polygon.coordinates);
      if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }),
);
export type Polygon = z.infer<typeof polygonSchema>;

function wellFormedRings(rings: unknown): rings is Position[][] {
  if (!Array.isArray(rings) || rings.length < 1 || rings.length > MAX_POLYGON_RINGS) return false;
  return rings.every(
    (ring) =>
      Array.isArray(ring) &&
      ring.length >= 4 &&
      ring.length <= MAX_RING_POSITIONS &&
      ring.every((p) => Array.isArray(p) && p.length === 2 && isFiniteIn(p[0], 180) && isFiniteIn(p[1], 90)),
  );
}

/** A bounding box as `west,south,east,north` (query string form). */
export const bboxSchema = z
  .string()
  .transform((value, ctx) => {
    const parts = value.split(',').map(Number);
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: 'custom', message: 'bbox must be four numbers: west,south,east,north' });
      return z.NEVER;
    }
    const [west, south, east, north] = parts;
    if (west < -180 || east > 180 || south < -90 || north > 90 || south > north || west > east) {
      ctx.addIssue({ code: 'custom', message: 'bbox is out of range or inverted' });
      return z.NEVER;
    }
    return { west, south, east, north };
  });
export type BBox = { west: number; south: number; east: number; north: number };

function isFiniteIn(value: unknown, limit: number): boolean {
  return typeof value === 'number' && Math.abs(value) <= limit;
}

/** Great-circle distance in metres (haversine on the mean Earth radius). The one spelling for API, dashboard and simulator. */
export function distanceMetres(a: LatLon, b: LatLon): number {
  return turfDistance([a.lon, a.lat], [b.lon, b.lat], { units: 'meters' });
}

/** Initial bearing from a to b, degrees clockwise from north in [0, 360). */
export function bearingDegrees(a: LatLon, b: LatLon): number {
  return (turfBearing([a.lon, a.lat], [b.lon, b.lat]) + 360) % 360;
}
