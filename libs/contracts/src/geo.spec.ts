import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bearingDegrees, distanceMetres, MAX_POLYGON_POSITIONS, polygonSchema } from './geo';
import { firstCrossing, type Position } from './polygon-validity';

const SQUARE = [[105, 10], [106, 10], [106, 11], [105, 11], [105, 10]];
const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });

/** The first issue as `path: message`, or 'ok'. */
function verdict(value: unknown): string {
  const result = polygonSchema.safeParse(value);
  if (result.success) return 'ok';
  const issue = result.error.issues[0];
  return `${issue.path.join('.')}: ${issue.message}`;
}

/** A regular n-gon around (lon, lat), closed. */
function circle(n: number, lon: number, lat: number, radius: number): number[][] {
  const ring = Array.from({ length: n }, (_, i) => [lon + radius * Math.cos((2 * Math.PI * i) / n), lat + radius * Math.sin((2 * Math.PI * i) / n)]);
  return [...ring, ring[0]];
}

describe('polygonSchema accepts', () => {
  it('a closed ring, and a shell with holes inside it', () => {
    expect(verdict(polygon(SQUARE))).toBe('ok');
    expect(verdict(polygon(circle(1999, 105, 10, 1), circle(1999, 104.5, 10, 0.2), circle(1999, 105.5, 10, 0.2)))).toBe('ok');
  });

  it('a repeated position (a double click), which is not a degenerate edge', () => {
    expect(verdict(polygon([[105, 10], [106, 10], [106, 10], [106, 11], [105, 11], [105, 10]]))).toBe('ok');
  });
});

describe('polygonSchema refuses, naming the failing path', () => {
  it.each([
    ['no ring', polygon(), 'coordinates: a polygon needs an outer ring'],
    ['an empty ring', polygon([]), 'coordinates.0: a ring needs at least 4 positions'],
    ['an empty hole', polygon(SQUARE, []), 'coordinates.1: a ring needs at least 4 positions'],
    ['an unclosed ring', polygon([[105, 10], [106, 10], [106, 11], [105, 11]]), 'coordinates.0: ring is not closed: its first and last positions differ'],
    ['NaN', polygon([[105, 10], [Number.NaN, 10], [106, 11], [105, 10]]), 'coordinates.0.1.0: Invalid input: expected number, received NaN'],
    ['Infinity', polygon([[105, 10], [106, Number.POSITIVE_INFINITY], [106, 11], [105, 10]]), 'coordinates.0.1.1: Invalid input: expected number, received Infinity'],
    ['a latitude beyond the pole', polygon([[105, 10], [106, 10], [106, 95], [105, 10]]), 'coordinates.0.2.1: latitude must be ≤ 90'],
    ['a position of three numbers', polygon([[105, 10, 0], [106, 10], [106, 11], [105, 10]]), 'coordinates.0.0: Too big: expected array to have <=2 items'],
    ['a figure-eight', polygon([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]), 'coordinates.0: ring crosses itself'],
    ['a ring touching itself at a vertex', polygon([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1], [0, 0]]), 'coordinates.0: ring crosses itself'],
    ['a spike folding back on its edge', polygon([[0, 0], [2, 0], [3, 0], [2, 0], [2, 2], [0, 2], [0, 0]]), 'coordinates.0: ring crosses itself'],
    ['a ring on one line (zero area)', polygon([[0, 0], [1, 0], [2, 0], [0, 0]]), 'coordinates.0: ring crosses itself'],
    ['one position repeated', polygon([[1, 1], [1, 1], [1, 1], [1, 1]]), 'coordinates.0: ring needs at least 3 distinct positions'],
    ['a sliver of no area', polygon([[0, 0], [1e-6, 0], [1e-6, 1e-6], [0, 0]]), 'coordinates.0: ring encloses no area'],
    ['a hole outside the shell', polygon(SQUARE, circle(8, 110, 10, 0.1)), 'coordinates.1: hole lies outside the outer ring'],
    ['a hole crossing the shell', polygon(SQUARE, circle(8, 106, 10.5, 0.2)), 'coordinates.1: ring crosses or touches ring 0'],
    ['a hole inside another hole', polygon(SQUARE, circle(8, 105.5, 10.5, 0.3), circle(8, 105.5, 10.5, 0.1)), 'coordinates.2: hole lies inside hole 1'],
  ])('%s', (_name, value, expected) => {
    expect(verdict(value)).toBe(expected);
  });

  it('a ring over 2,000 positions (a 10,000-point ring)', () => {
    expect(verdict(polygon(circle(9999, 105, 10, 1)))).toBe('coordinates.0: a ring may have at most 2000 positions');
  });

  it('more positions in all than a polygon may have, counted before any position is read', () => {
    const rings = Array.from({ length: 6 }, () => Array.from({ length: 1700 }, () => 'not even a position'));
    expect(verdict(polygon(...rings))).toBe(`coordinates: a polygon may have at most ${MAX_POLYGON_POSITIONS} positions (this one has 10200)`);
  });
});

describe('polygon validation never throws', () => {
  const coordinate = fc.oneof(fc.double(), fc.integer({ min: -3, max: 3 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 180, -90));
  const position = fc.oneof({ weight: 8, arbitrary: fc.tuple(coordinate, coordinate) }, { weight: 1, arbitrary: fc.anything() });
  const ring = fc.array(position, { maxLength: 12 }).map((points) => (points.length > 0 && Math.random() < 0.7 ? [...points, points[0]] : points));

  it('on polygon-shaped input with odd numbers, short and open rings', () => {
    fc.assert(
      fc.property(fc.array(ring, { maxLength: 4 }), (rings) => {
        expect(() => polygonSchema.safeParse(polygon(...rings))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => polygonSchema.safeParse(value)).not.toThrow();
        expect(() => polygonSchema.safeParse({ type: 'Polygon', coordinates: value })).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the crossing sweep', () => {
  /** Every pair of segments: the rule the sweep must match. */
  function bruteForceCrosses(ring: Position[]): boolean {
    const m = ring.length;
    const orientation = (p: Position, q: Position, r: Position) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
    const within = (a: Position, b: Position, p: Position) =>
      Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
    for (let i = 0; i < m; i++) {
      for (let k = i + 1; k < m; k++) {
        const [a, b, c, d] = [ring[i], ring[(i + 1) % m], ring[k], ring[(k + 1) % m]];
        const fold = (p: Position, q: Position, r: Position) => orientation(p, q, r) === 0 && (q[0] - p[0]) * (r[0] - q[0]) + (q[1] - p[1]) * (r[1] - q[1]) < 0;
        if (k === i + 1) {
          if (fold(a, b, d)) return true;
        } else if (i === 0 && k === m - 1) {
          if (fold(c, d, b)) return true;
        } else {
          const [d1, d2, d3, d4] = [orientation(c, d, a), orientation(c, d, b), orientation(a, b, c), orientation(a, b, d)];
          if ((d1 * d2 < 0 && d3 * d4 < 0) || (d1 === 0 && within(c, d, a)) || (d2 === 0 && within(c, d, b)) || (d3 === 0 && within(a, b, c)) || (d4 === 0 && within(a, b, d))) return true;
        }
      }
    }
    return false;
  }

  it('finds a crossing exactly when comparing every pair does (small grids: many touches and overlaps)', () => {
    const vertex = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }));
    const distinctRing = fc
      .array(vertex, { minLength: 3, maxLength: 9 })
      .map((points) => points.filter((p, i) => { const q = points[(i + 1) % points.length]; return p[0] !== q[0] || p[1] !== q[1]; }))
      .filter((points) => points.length >= 3);
    fc.assert(
      fc.property(distinctRing, (ring) => {
        expect(firstCrossing([ring]) !== null).toBe(bruteForceCrosses(ring));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops at a bound on the pairs it compares, refusing a comb of long slanted teeth rather than spending seconds on it', () => {
    const eps = 1e-4;
    const teeth = 500;
    const top = Array.from({ length: teeth }, (_, i): Position[] => [[105 + i * eps, 11], [105 + i * eps + teeth * eps * 1.01, 10.5]]).flat();
    const comb: Position[] = [...top, [top[top.length - 1][0], 10], [105, 10], [105, 11]];
    expect(firstCrossing([comb.slice(0, -1)])).toBeNull();
    expect(firstCrossing([comb.slice(0, -1)], 10_000)).toBe('too-intricate');
    expect(verdict(polygon(...Array.from({ length: 9 }, (_, r) => comb.map(([lon, lat]) => [lon, lat - 2 * r]))))).toBe(
      'coordinates: polygon is too intricate to check (many long edges side by side): simplify it',
    );
  });

  it('accepts any star-shaped ring (points sorted by angle around a centre)', () => {
    // Angles all round the centre (no gap of a half-turn or more), so the centre sees every edge.
    const wrapsCentre = (angles: number[]) => angles.every((angle, i) => (i === 0 ? angle + 360 - angles[angles.length - 1] : angle - angles[i - 1]) < 180);
    const star = fc
      .uniqueArray(fc.integer({ min: 0, max: 359 }), { minLength: 3, maxLength: 40 })
      .map((angles) => angles.sort((a, b) => a - b))
      .filter(wrapsCentre)
      .chain((angles) => fc.tuple(fc.constant(angles), fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: angles.length, maxLength: angles.length })))
      .map(([angles, radii]) => angles.map((angle, i) => [105 + radii[i] * Math.cos((angle * Math.PI) / 180), 10 + radii[i] * Math.sin((angle * Math.PI) / 180)]))
;
    fc.assert(
      fc.property(star, (points) => {
        const result = verdict(polygon([...points, points[0]]));
        expect(result).toBe('ok');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('distance and bearing', () => {
  it('one degree of longitude on the equator is 111.195 km on the mean Earth radius', () => {
    expect(distanceMetres({ lat: 0, lon: 105 }, { lat: 0, lon: 106 })).toBeCloseTo(111_195.08, 1);
    expect(distanceMetres({ lat: 11.55, lon: 104.92 }, { lat: 11.55, lon: 104.92 })).toBe(0);
  });

  it('bearings run clockwise from north in [0, 360)', () => {
    expect(bearingDegrees({ lat: 10, lon: 105 }, { lat: 11, lon: 105 })).toBeCloseTo(0, 6);
    expect(bearingDegrees({ lat: 0, lon: 105 }, { lat: 0, lon: 106 })).toBeCloseTo(90, 6);
    expect(bearingDegrees({ lat: 11, lon: 105 }, { lat: 10, lon: 105 })).toBeCloseTo(180, 6);
    expect(bearingDegrees({ lat: 0, lon: 106 }, { lat: 0, lon: 105 })).toBeCloseTo(270, 6);
  });
});
