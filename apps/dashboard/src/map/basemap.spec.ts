// @vitest-environment jsdom
// (Leaflet reads `window` as it loads.)
import L from 'leaflet';
import topology from 'world-atlas/countries-50m.json';
import { describe, expect, it } from 'vitest';
import { ASEAN_BOUNDS, ASEAN_MEMBER_STATES, geometryBounds, loadCountryOutlines, topologyToCountries } from './basemap';

const countries = topologyToCountries(topology as never);
const bounds = L.latLngBounds(ASEAN_BOUNDS);

describe('embedded basemap: Natural Earth topology → GeoJSON', () => {
  it('gives one polygon feature per country, world-wide', () => {
    expect(countries.type).toBe('FeatureCollection');
    expect(countries.features.length).toBeGreaterThan(230);
    for (const country of countries.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(country.geometry.type);
      expect(country.properties.name).not.toBe('unknown');
    }
  });

  it('has all eleven ASEAN member states, Singapore and Timor-Leste included, flagged as members', () => {
    const members = countries.features.filter((country) => country.properties.asean);
    expect(members.map((country) => country.properties.name).sort()).toEqual(
      ['Brunei', 'Cambodia', 'Indonesia', 'Laos', 'Malaysia', 'Myanmar', 'Philippines', 'Singapore', 'Thailand', 'Timor-Leste', 'Vietnam'],
    );
    expect(Object.keys(ASEAN_MEMBER_STATES)).toHaveLength(11);
    expect(countries.features.find((country) => country.properties.name === 'China')?.properties.asean).toBe(false);
  });

  it('puts the countries where they are: Singapore around 1.35°N 103.8°E, Indonesia across the equator', () => {
    const [[south, west], [north, east]] = geometryBounds(countryNamed('Singapore').geometry);
    expect(south).toBeGreaterThan(1.1);
    expect(north).toBeLessThan(1.5);
    expect(west).toBeGreaterThan(103.5);
    expect(east).toBeLessThan(104.2);

    const indonesia = L.latLngBounds(geometryBounds(countryNamed('Indonesia').geometry));
    expect(indonesia.getSouth()).toBeLessThan(0);
    expect(indonesia.getNorth()).toBeGreaterThan(0);
    expect(indonesia.getEast()).toBeCloseTo(141, 0); // the land border with Papua New Guinea
  });

  it('is many-island detailed enough: the Philippines and Indonesia are drawn as many polygons', () => {
    const parts = (name: string) => {
      const geometry = countryNamed(name).geometry;
      return geometry.type === 'MultiPolygon' ? geometry.coordinates.length : 1;
    };
    expect(parts('Indonesia')).toBeGreaterThan(100);
    expect(parts('Philippines')).toBeGreaterThan(30);
  });

  it('refuses a topology without a countries object', () => {
    expect(() => topologyToCountries({ type: 'Topology', arcs: [], objects: {} } as never)).toThrow(/countries/);
  });

  it('loads the embedded outlines once and shares them between callers', async () => {
    const [first, second] = await Promise.all([loadCountryOutlines(), loadCountryOutlines()]);
    expect(first).toBe(second);
    expect(first.features.length).toBe(countries.features.length);
  });
});

describe('ASEAN framing', () => {
  it('spans roughly 11°S to 28°N and 92°E to 141°E', () => {
    expect(bounds.getSouth()).toBeGreaterThanOrEqual(-12);
    expect(bounds.getSouth()).toBeLessThanOrEqual(-11);
    expect(bounds.getNorth()).toBeGreaterThanOrEqual(28);
    expect(bounds.getNorth()).toBeLessThanOrEqual(29);
    expect(bounds.getWest()).toBeGreaterThanOrEqual(91);
    expect(bounds.getWest()).toBeLessThanOrEqual(92.2);
    expect(bounds.getEast()).toBeGreaterThanOrEqual(141);
    expect(bounds.getEast()).toBeLessThanOrEqual(142);
  });

  it.each(Object.entries(ASEAN_MEMBER_STATES))('contains the whole of member state %s (%s)', (isoNumeric) => {
    const member = countries.features.find((country) => country.properties.isoNumeric === isoNumeric);
    expect(member).toBeDefined();
    expect(bounds.contains(L.latLngBounds(geometryBounds(member!.geometry)))).toBe(true);
  });

  it('does not frame the neighbours as if they were members: China and Australia reach outside it', () => {
    expect(bounds.contains(L.latLngBounds(geometryBounds(countryNamed('China').geometry)))).toBe(false);
    expect(bounds.contains(L.latLngBounds(geometryBounds(countryNamed('Australia').geometry)))).toBe(false);
  });
});

function countryNamed(name: string) {
  const country = countries.features.find((candidate) => candidate.properties.name === name);
  if (!country) throw new Error(`no country named ${name}`);
  return country;
}
