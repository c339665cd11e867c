import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geometryBounds } from './country-bounds';

// The outlines' conversion, in a module of its own: the build's outlines file is written with it
// (scripts/country-outlines-file.mjs), and the unit tests convert the topology with it.

/** ASEAN member states by ISO 3166-1 numeric code (the ids used by Natural Earth / world-atlas). */
export const ASEAN_MEMBER_STATES: Readonly<Record<string, string>> = {
  '096': 'Brunei',
  '104': 'Myanmar',
  '116': 'Cambodia',
  '360': 'Indonesia',
  '418': 'Laos',
  '458': 'Malaysia',
  '608': 'Philippines',
  '626': 'Timor-Leste',
  '702': 'Singapore',
  '704': 'Vietnam',
  '764': 'Thailand',
};

export interface CountryProperties {
  name: string;
  /** ISO 3166-1 numeric code; a few disputed areas have none. */
  isoNumeric: string | null;
  asean: boolean;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties>;
export type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;

export type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Topology → GeoJSON, one feature per country, tagged with its ASEAN membership. */
export function topologyToCountries(topology: CountriesTopology): CountryCollection {
  const countries = topology.objects.countries;
  if (!countries || countries.type !== 'GeometryCollection') {
    throw new Error('basemap: the topology has no "countries" geometry collection');
  }
  const collection = feature(topology, countries);
  const features: CountryFeature[] = [];
  for (const item of collection.features) {
    const geometry = item.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const isoNumeric = item.id === undefined || item.id === null ? null : String(item.id);
    // Measured here, with the conversion (at build time), not when the outlines layer first sorts
    // the countries by distance from the view (100,000 points).
    geometryBounds(geometry);
    features.push({
      type: 'Feature',
      id: isoNumeric ?? undefined,
      geometry,
      properties: {
        name: item.properties?.name ?? 'unknown',
        isoNumeric,
        asean: isoNumeric !== null && isoNumeric in ASEAN_MEMBER_STATES,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
