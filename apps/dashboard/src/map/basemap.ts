import type { LatLngBoundsLiteral } from 'leaflet';
// The topology as a file of its own, fetched by whichever thread converts it: the field page's
// offline cache holds it once (it held it twice when the worker and the fallback each bundled it).
import topologyUrl from 'world-atlas/countries-50m.json?url';
import { type CountriesWorkerAnswer, fetchTopology, unpackCountries } from './countries-transfer';
import { type CountriesTopology, type CountryCollection, topologyToCountries } from './country-topology';

export { geometryBounds } from './country-bounds';
export { ASEAN_MEMBER_STATES, type CountryCollection, type CountryFeature, type CountryProperties, topologyToCountries } from './country-topology';

/**
 * The embedded basemap: Natural Earth admin-0 country outlines at 1:50m (world-atlas), drawn
 * without any network access. 1:50m is the smallest scale that still has Singapore and the
 * smaller islands of Indonesia and the Philippines (1:110m drops Singapore); 1:10m is five
 * times larger for detail the operations room does not need at the zoom levels where outlines
 * matter. The topology is parsed and converted in a worker of its own (`countries.worker.ts`), so it
 * never weighs on the first paint or on the main thread.
 */

/** South-west and north-east corners: every ASEAN member state, Myanmar's north to Papua's border. */
export const ASEAN_BOUNDS: LatLngBoundsLiteral = [
  [-11.5, 92],
  [28.8, 141.5],
];

let countries: Promise<CountryCollection> | null = null;

/**
 * Loads and converts the embedded outlines once per page; later calls share the result. In a
 * worker (the parse and the conversion kept a busy main thread from drawing the operation for
 * ~250 ms). On this thread when the worker cannot start: the unit tests (Node has no workers), and
 * the field page opened offline in Chromium, where the worker's script was refused (ERR_ABORTED)
 * although the service worker holds it — the map must draw offline. Both read the same file (in
 * the offline cache).
 */
export function loadCountryOutlines(): Promise<CountryCollection> {
  countries ??= (import.meta.env.MODE === 'test' ? convertHere() : convertInWorker().catch(() => convertHere())).catch((error: unknown) => {
    countries = null; // let a later mount try again
    throw error;
  });
  return countries;
}

function convertHere(): Promise<CountryCollection> {
  // Node has no fetch of a build's asset: the unit tests import the JSON module instead.
  const topology: Promise<unknown> =
    import.meta.env.MODE === 'test' ? import('world-atlas/countries-50m.json').then((module) => module.default ?? module) : fetchTopology(topologyAddress());
  return topology.then((value) => topologyToCountries(value as CountriesTopology));
}

function topologyAddress(): string {
  return new URL(topologyUrl, window.location.href).href;
}

function convertInWorker(): Promise<CountryCollection> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./countries.worker.ts', import.meta.url), { type: 'module', name: 'country-outlines' });
    worker.onmessage = (event: MessageEvent<CountriesWorkerAnswer>) => {
      worker.terminate();
      if ('failed' in event.data) reject(new Error(`basemap: the outlines' worker failed (${event.data.failed})`));
      else resolve(unpackCountries(event.data));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`basemap: the outlines' worker failed (${event.message})`));
    };
    worker.postMessage(topologyAddress());
  });
}
