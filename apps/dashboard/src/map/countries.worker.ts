/// <reference lib="webworker" />
import { topologyToCountries } from './country-topology';
import { type CountriesWorkerAnswer, fetchTopology, packCountries } from './countries-transfer';

/**
 * Fetches, parses and converts the embedded outlines off the main thread (~250 ms there: the
 * 760 kB topology's parse, then 100,000 points to GeoJSON), and hands them over in one transfer.
 * The page sends the topology file's address.
 */
const scope = self as unknown as { postMessage(message: CountriesWorkerAnswer, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<string>) => void) | null };
scope.onmessage = (event) => {
  fetchTopology(event.data)
    .then((topology) => {
      const packed = packCountries(topologyToCountries(topology as never));
      scope.postMessage(packed, [packed.ringLengths.buffer, packed.coordinates.buffer]);
    })
    .catch((error: unknown) => scope.postMessage({ failed: error instanceof Error ? error.message : String(error) }));
};
