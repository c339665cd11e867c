import type { LatLngBoundsLiteral } from 'leaflet';
// The outlines converted at build time (scripts/country-outlines-file.mjs), a file of their own: the
// field page's offline cache holds it once.
import outlinesUrl from '../../generated/countries-50m.bin?url';
import { unpackCountries } from './countries-transfer';
import { type CountriesTopology, type CountryCollection, topologyToCountries } from './country-topology';
import { decodeOutlines } from './outlines-encoding';

export { geometryBounds } from './country-bounds';
export { ASEAN_MEMBER_STATES, type CountryCollection, type CountryFeature, type CountryProperties, topologyToCountries } from './country-topology';

/**
 * The embedded basemap: Natural Earth admin-0 country outlines at 1:50m (world-atlas), drawn
 * without any network access. 1:50m is the smallest scale that still has Singapore and the
 * smaller islands of Indonesia and the Philippines (1:110m drops Singapore); 1:10m is five
 * times larger for detail the operations room does not need at the zoom levels where outlines
 * matter. The build converts the topology once (`outlines-encoding.ts`); the page reads the file's
 * points into one array and builds each country's geometry when it is first drawn.
 */

/** South-west and north-east corners: every ASEAN member state, Myanmar's north to Papua's border. */
export const ASEAN_BOUNDS: LatLngBoundsLiteral = [
  [-11.5, 92],
  [28.8, 141.5],
];

let countries: Promise<CountryCollection> | null = null;

/** Loads the embedded outlines once per page; later calls share the result. */
export function loadCountryOutlines(): Promise<CountryCollection> {
  countries ??= (import.meta.env.MODE === 'test' ? convertTopology() : readOutlinesFile()).catch((error: unknown) => {
    countries = null; // let a later mount try again
    throw error;
  });
  return countries;
}

async function readOutlinesFile(): Promise<CountryCollection> {
  const response = await fetch(new URL(outlinesUrl, window.location.href).href);
  if (!response.ok) throw new Error(`basemap: the country outlines answered ${response.status}`);
  return unpackCountries(decodeOutlines(await response.arrayBuffer()));
}

/** Node has no fetch of a build's asset: the unit tests convert the topology itself (the file is checked against it: outlines-encoding.spec.ts). */
async function convertTopology(): Promise<CountryCollection> {
  const module = (await import('world-atlas/countries-50m.json')) as { default?: unknown };
  return topologyToCountries((module.default ?? module) as CountriesTopology);
}
