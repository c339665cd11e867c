import { describe, expect, it } from 'vitest';
import type { TrailPoint } from '../../realtime/operation-state';
import { legsPath, samePoints, sameTrails, trailsPath } from './trails-path';

const point = (lat: number, lon: number): TrailPoint => ({ lat, lon, at: '2026-12-02T10:00:00Z' });

describe('team trails as one path', () => {
  it('writes each trail of two points or more as a polyline of its own', () => {
    const project = (p: TrailPoint) => ({ x: p.lon, y: p.lat });
    expect(trailsPath([[point(1, 2), point(3, 4), point(5, 6)], [point(9, 9)], [point(7, 8), point(0, 1)]], project)).toBe('M2 1L4 3L6 5M8 7L1 0');
  });

  it('draws an empty path as Leaflet does when no trail has two points', () => {
    expect(trailsPath([[point(1, 2)], []], () => ({ x: 0, y: 0 }))).toBe('M0 0');
  });

  it('leaves out points within a pixel of the last one written, but reaches the newest point', () => {
    const project = (p: TrailPoint) => ({ x: p.lon, y: p.lat });
    // Standing still, then creeping a pixel at a time, then a step away, then a last pixel on.
    const trail = [point(0, 0), point(0, 0), point(0, 1), point(1, 2), point(0, 10), point(1, 10)];
    expect(trailsPath([trail], project)).toBe('M0 0L2 1L10 0L10 1');
    expect(trailsPath([[point(0, 0), point(0, 0)]], project)).toBe('M0 0');
  });

  it('tells the same trails (the same arrays in order) from changed ones', () => {
    const one = [point(1, 1), point(2, 2)];
    const two = [point(3, 3), point(4, 4)];
    expect(sameTrails([one, two], [one, two])).toBe(true);
    expect(sameTrails([one, two], [two, one])).toBe(false);
    expect(sameTrails([one, two], [one, [...two]])).toBe(false);
    expect(sameTrails([one], [one, two])).toBe(false);
  });
});

describe('legs of glyphs drawn away from their place as one path', () => {
  it('draws a relative line from each place to its glyph, and none for a glyph at its place', () => {
    const project = (lat: number, lon: number) => ({ x: lon * 10, y: lat * 10 });
    expect(
      legsPath(
        [
          { lat: 1, lon: 2, dx: 24, dy: -13 },
          { lat: 5, lon: 5, dx: 0, dy: 0 },
          { lat: 3, lon: 4, dx: 0, dy: 26 },
        ],
        project,
      ),
    ).toBe('M20 10l24 -13M40 30l0 26');
    expect(legsPath([], project)).toBe('M0 0');
  });
});

describe('trail heads compared point by point', () => {
  it('tells lines of the same points from lines with another point', () => {
    const [a, b, c] = [point(1, 1), point(2, 2), point(3, 3)];
    expect(samePoints([[a, b]], [[a, b]])).toBe(true);
    expect(samePoints([[a, b]], [[a, c]])).toBe(false);
    expect(samePoints([[a, b]], [[a, b], [b, c]])).toBe(false);
    expect(samePoints([], [])).toBe(true);
  });
});
