import { z } from 'zod';

/** Longitude and latitude in WGS 84 degrees, range-checked. */
export const latitudeSchema = z.number().min(-90, 'latitude must be ≥ -90').max(90, 'latitude must be ≤ 90');
export const longitudeSchema = z.number().min(-180, 'longitude must be ≥ -180').max(180, 'longitude must be ≤ 180');

export const pointSchema = z.strictObject({ lat: latitudeSchema, lon: longitudeSchema });
export type LatLon = z.infer<typeof pointSchema>;

const positionSchema = z.tuple([longitudeSchema, latitudeSchema]);
type Position = z.infer<typeof positionSchema>;

const MAX_RING_POINTS = 2000;

/** A GeoJSON Polygon: closed linear rings of at least four positions that do not cross themselves. */
export const polygonSchema = z
  .strictObject({
    type: z.literal('Polygon'),
    coordinates: z.array(z.array(positionSchema).min(4, 'a ring needs at least 4 positions').max(MAX_RING_POINTS)).min(1).max(20),
  })
  .superRefine((polygon, ctx) => {
    polygon.coordinates.forEach((ring, index) => {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first[0] !== last[0] || first[1] !== last[1]) {
        ctx.addIssue({ code: 'custom', path: ['coordinates', index], message: 'ring is not closed: its first and last positions differ' });
      } else if (ringSelfIntersects(ring)) {
        ctx.addIssue({ code: 'custom', path: ['coordinates', index], message: 'ring crosses itself' });
      }
    });
  });
export type Polygon = z.infer<typeof polygonSchema>;

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

function ringSelfIntersects(ring: Position[]): boolean {
  const n = ring.length - 1; // segments
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue; // neighbours share an end
      if (segmentsCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
    }
  }
  return false;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orientation(c, d, a);
  const d2 = orientation(c, d, b);
  const d3 = orientation(a, b, c);
  const d4 = orientation(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function orientation(p: Position, q: Position, r: Position): number {
  return Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
}
