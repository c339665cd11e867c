import topology from 'world-atlas/countries-50m.json';
import { describe, expect, it } from 'vitest';
// The file the build ships, as the Vite plugin wrote it before the tests ran (a data URL here).
import shippedFile from '../../generated/countries-50m.bin?inline';
import { geometryBounds } from './country-bounds';
import { packCountries, unpackCountries } from './countries-transfer';
import { topologyToCountries } from './country-topology';
import { decodeOutlines, encodeOutlines } from './outlines-encoding';

describe('the outlines file', () => {
  const countries = topologyToCountries(topology as never);
  const packed = packCountries(countries);
  const { transform } = topology as unknown as { transform: { scale: [number, number]; translate: [number, number] } };

  it('packs every point in one array', () => {
    expect(packed.coordinates.length / 2).toBeGreaterThan(90_000);
    expect(packed.ringLengths.reduce((sum, length) => sum + length, 0)).toBe(packed.coordinates.length / 2);
  });

  it('gives back exactly what the topology converts to: shape, points, properties, ids and bounds', () => {
    const bytes = encodeOutlines(packed, transform);
    // Smaller than the topology itself (756 kB), with no JSON to parse but its short header.
    expect(bytes.length).toBeLessThan(300_000);
    const unpacked = unpackCountries(decodeOutlines(bytes.slice().buffer));
    expect(unpacked.features).toHaveLength(countries.features.length);
    unpacked.features.forEach((country, index) => {
      const original = countries.features[index];
      expect(country.id).toBe(original.id);
      expect(country.properties).toEqual(original.properties);
      expect(country.geometry.type).toBe(original.geometry.type);
      expect(geometryBounds(country.geometry)).toEqual(geometryBounds(original.geometry));
      expect(country.geometry.coordinates).toEqual(original.geometry.coordinates);
    });
  });

  it('is the file the build ships (written by the Vite plugin before the tests ran)', () => {
    const shipped = Uint8Array.from(atob(shippedFile.slice(shippedFile.indexOf(',') + 1)), (character) => character.charCodeAt(0));
    const expected = encodeOutlines(packed, transform);
    expect(shipped.length).toBe(expected.length);
    expect(shipped.every((byte, index) => byte === expected[index])).toBe(true);
  });

  it('refuses what is not an outlines file, or one cut short', () => {
    const bytes = encodeOutlines(packed, transform);
    expect(() => decodeOutlines(new TextEncoder().encode('{"type":"Topology"}').buffer as ArrayBuffer)).toThrow(/not an outlines file/);
    expect(() => decodeOutlines(bytes.slice(0, bytes.length - 10).buffer)).toThrow(/ends inside a point/);
  });

  it("builds a country's points once, when first read", () => {
    const [country] = unpackCountries(packed).features;
    expect(country.geometry.coordinates).toBe(country.geometry.coordinates);
  });
});
