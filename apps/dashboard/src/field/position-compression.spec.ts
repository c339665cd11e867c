import { describe, expect, it } from 'vitest';
import { distanceMetres } from '@lintas/contracts';
import { compressPositions } from './position-compression';

const options = { minDistanceM: 25, maxGapS: 300, minIntervalS: 5 };
const T0 = Date.parse('2026-11-28T08:00:00Z');
/** A point `seconds` after T0, `metresNorth` north of Bavet (11.07 N, 106.12 E). */
function at(seconds: number, metresNorth = 0) {
  return { lat: 11.07 + metresNorth / 111_195, lon: 106.12, at: new Date(T0 + seconds * 1000).toISOString() };
}
const times = (positions: { at: string }[]) => positions.map((p) => (Date.parse(p.at) - T0) / 1000);

describe('distanceMetres', () => {
  it('measures a degree of latitude as about 111 km and a point as zero', () => {
    expect(distanceMetres({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195, -1);
    expect(distanceMetres(at(0), at(0))).toBe(0);
    expect(distanceMetres(at(0), at(0, 100))).toBeCloseTo(100, 0);
  });
});

describe('compressPositions', () => {
  it('drops fixes of a team standing still but keeps the latest', () => {
    const still = [0, 30, 60, 90, 120].map((s) => at(s, s / 30)); // drifting 1 m per fix
    expect(times(compressPositions(still, options))).toEqual([0, 120]);
  });

  it('keeps every fix of a moving team', () => {
    const moving = [0, 30, 60, 90].map((s) => at(s, s * 2)); // 60 m between fixes
    expect(times(compressPositions(moving, options))).toEqual([0, 30, 60, 90]);
  });

  it('keeps a heartbeat every maxGapS while standing still', () => {
    const still = Array.from({ length: 21 }, (_, i) => at(i * 60)); // 20 minutes, one fix a minute
    expect(times(compressPositions(still, options))).toEqual([0, 300, 600, 900, 1200]);
  });

  it('drops fixes closer in time than minIntervalS, however far apart', () => {
    expect(times(compressPositions([at(0), at(1, 500), at(2, 1000), at(10, 1500)], options))).toEqual([0, 10]);
  });

  it('sorts into time order and keeps one point per time stamp, the later entry', () => {
    const result = compressPositions([at(60, 100), at(0), at(60, 200), at(30, 50)], options);
    expect(times(result)).toEqual([0, 30, 60]);
    expect(result[2]).toEqual(at(60, 200));
  });

  it('passes short lists through, and an empty one', () => {
    expect(compressPositions([], options)).toEqual([]);
    expect(times(compressPositions([at(5), at(0)], options))).toEqual([0, 5]);
  });

  it('keeps extra fields (heading, speed, accuracy) of the points it keeps', () => {
    const [first] = compressPositions([{ ...at(0), heading: 90, speed: 1.5, accuracy: 8 }], options);
    expect(first).toMatchObject({ heading: 90, speed: 1.5, accuracy: 8 });
  });
});
