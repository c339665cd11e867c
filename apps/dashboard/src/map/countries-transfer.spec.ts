import topology from 'world-atlas/countries-50m.json';
import { describe, expect, it } from 'vitest';
import { geometryBounds } from './country-bounds';
import { packCountries, unpackCountries } from './countries-transfer';
import { topologyToCountries } from './country-topology';

describe("the outlines' handover from their worker", () => {
  const countries = topologyToCountries(topology as never);
  const packed = packCountries(countries);

  it('packs every point in one transferable array', () => {
    expect(packed.coordinates.length / 2).toBeGreaterThan(90_000);
    expect(packed.ringLengths.reduce((sum, length) => sum + length, 0)).toBe(packed.coordinates.length / 2);
  });

  it('gives back the same features: shape, points, properties, ids and bounds', () => {
    // What a structured clone does to the message (the worker's postMessage).
    const unpacked = unpackCountries(structuredClone(packed));
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

  it('builds a country\'s points once, when first read', () => {
    const [country] = unpackCountries(packed).features;
    expect(country.geometry.coordinates).toBe(country.geometry.coordinates);
  });
});
