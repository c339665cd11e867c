import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { LatLngBoundsLiteral } from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * The embedded basemap: Natural Earth admin-0 country outlines at 1:50m (world-atlas), drawn
 * without any network access. 1:50m is the smallest scale that still has Singapore and the
 * smaller islands of Indonesia and the Philippines (1:110m drops Singapore); 1:10m is five
 * times larger for detail the operations room does not need at the zoom levels where outlines
 * matter. The topology is its own lazily loaded chunk, so it never weighs on the first paint.
 */

/** South-west and north-east corners: every ASEAN member state, Myanmar's north to Papua's border. */
export const ASEAN_BOUNDS: LatLngBoundsLiteral = [
  [-11.5, 92],
  [28.8, 141.5],
];

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

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

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
    // Measured here, with the conversion (off the first draw's path: see app/early-start.ts), not
    // when the outlines layer first sorts the countries by distance from the view (100,000 points).
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

/** Bounds by geometry, found once: the outlines layer sorts every country by its box at each draw. */
const boundsByGeometry = new WeakMap<Polygon | MultiPolygon, LatLngBoundsLiteral>();

/** `[[south, west], [north, east]]` of a country's geometry (remembered per geometry object). */
export function geometryBounds(geometry: Polygon | MultiPolygon): LatLngBoundsLiteral {
  let bounds = boundsByGeometry.get(geometry);
  if (!bounds) boundsByGeometry.set(geometry, (bounds = measureBounds(geometry)));
  return bounds;
}

function measureBounds(geometry: Polygon | MultiPolygon): LatLngBoundsLiteral {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        if (lat < south) south = lat;
        if (lat > north) north = lat;
        if (lon < west) west = lon;
        if (lon > east) east = lon;
      }
    }
  }
  return [
    [south, west],
    [north, east],
  ];
}

let countries: Promise<CountryCollection> | null = null;

/** Loads and converts the embedded outlines once per page; later calls share the result. */
export function loadCountryOutlines(): Promise<CountryCollection> {
  countries ??= import('world-atlas/countries-50m.json')
    .then((module) => topologyToCountries((module.default ?? module) as unknown as CountriesTopology))
    .catch((error: unknown) => {
      countries = null; // let a later mount try again
      throw error;
    });
  return countries;
}
