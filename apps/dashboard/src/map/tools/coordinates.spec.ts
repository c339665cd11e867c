import { describe, expect, it } from 'vitest';
import { formatBearing, formatDecimal, formatDistance, formatMgrs, formatPoint, measure, parseCoordinates } from './coordinates';

const BAVET = { lat: 11.067, lon: 106.12 };

describe('map coordinates', () => {
  it('shows a point in decimal degrees and MGRS', () => {
    expect(formatDecimal(BAVET)).toBe('11.06700, 106.12000');
    expect(formatMgrs(BAVET)).toMatch(/^48P XT \d{5} \d{5}$/);
    expect(formatPoint(BAVET)).toMatch(/^11\.06700, 106\.12000 \(MGRS 48P XT \d{5} \d{5}\)$/);
    expect(formatMgrs({ lat: 86, lon: 0 })).toBeNull();
  });

  it('reads back what it writes: decimal degrees and MGRS, with or without spaces', () => {
    expect(parseCoordinates('11.067, 106.12')).toEqual(BAVET);
    expect(parseCoordinates(' -6.2 106.8 ')).toEqual({ lat: -6.2, lon: 106.8 });
    const back = parseCoordinates(formatMgrs(BAVET)!)!;
    expect(back.lat).toBeCloseTo(BAVET.lat, 4);
    expect(back.lon).toBeCloseTo(BAVET.lon, 4);
    expect(parseCoordinates(formatMgrs(BAVET)!.replace(/ /g, '').toLowerCase())?.lat).toBeCloseTo(BAVET.lat, 4);
  });

  it('refuses what is not a place', () => {
    for (const text of ['', 'Bavet', '91, 10', '10, 181', '48P XS 123', '11.067']) expect(parseCoordinates(text)).toBeNull();
  });

  it('measures the great-circle distance and bearing', () => {
    // One degree of latitude along a meridian: about 110.6 km near the equator, due north.
    const north = measure({ lat: 10, lon: 106 }, { lat: 11, lon: 106 });
    expect(north.metres).toBeGreaterThan(110_000);
    expect(north.metres).toBeLessThan(111_500);
    expect(north.bearing).toBeCloseTo(0, 5);
    expect(measure({ lat: 11, lon: 106 }, { lat: 11, lon: 105.9 }).bearing).toBeCloseTo(270, 0);
    expect(formatDistance(850.4)).toBe('850 m');
    expect(formatDistance(12_345)).toBe('12.35 km');
    expect(formatBearing(45.2)).toBe('045°');
    expect(formatBearing(359.7)).toBe('000°');
  });
});
