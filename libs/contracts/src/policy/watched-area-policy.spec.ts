import { describe, expect, it } from 'vitest';
import { isInsidePolygon, isWatchedAreaLapsing, mayRemoveWatchedArea, mayWatchArea } from './watched-area-policy';

describe('watched areas', () => {
  const shell: [number, number][] = [[106.0, 11.0], [106.4, 11.0], [106.4, 11.4], [106.0, 11.4], [106.0, 11.0]];
  const hole: [number, number][] = [[106.1, 11.1], [106.2, 11.1], [106.2, 11.2], [106.1, 11.2], [106.1, 11.1]];

  it('counts a point inside the outer ring and outside every hole', () => {
    expect(isInsidePolygon({ lat: 11.3, lon: 106.3 }, [shell, hole])).toBe(true);
    expect(isInsidePolygon({ lat: 11.15, lon: 106.15 }, [shell, hole])).toBe(false);
    expect(isInsidePolygon({ lat: 11.5, lon: 106.3 }, [shell])).toBe(false);
    expect(isInsidePolygon({ lat: 11.3, lon: 106.3 }, [])).toBe(false);
  });

  it('lapses at its threshold, once: not again while already lapsed', () => {
    const area = { lastTeamInsideAt: '2030-01-01T08:00:00.000Z', noTeamMinutes: 30, lapsed: false };
    expect(isWatchedAreaLapsing(area, new Date('2030-01-01T08:29:59.999Z'))).toBe(false);
    expect(isWatchedAreaLapsing(area, new Date('2030-01-01T08:30:00.000Z'))).toBe(true);
    expect(isWatchedAreaLapsing({ ...area, lapsed: true }, new Date('2030-01-01T10:00:00.000Z'))).toBe(false);
  });

  it('is marked by commanders and admins, removed by those of the marking agency only', () => {
    expect(mayWatchArea({ role: 'commander' })).toBe(true);
    expect(mayWatchArea({ role: 'admin' })).toBe(true);
    expect(mayWatchArea({ role: 'field' })).toBe(false);
    expect(mayRemoveWatchedArea({ role: 'commander', agencyId: 'kh' }, { originAgencyId: 'kh' })).toBe(true);
    expect(mayRemoveWatchedArea({ role: 'commander', agencyId: 'vn' }, { originAgencyId: 'kh' })).toBe(false);
    expect(mayRemoveWatchedArea({ role: 'field', agencyId: 'kh' }, { originAgencyId: 'kh' })).toBe(false);
  });
});
