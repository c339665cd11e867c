/// <reference lib="webworker" />
import topology from 'world-atlas/countries-50m.json';
import { topologyToCountries } from './country-topology';
import { packCountries } from './countries-transfer';

/**
 * Parses and converts the embedded outlines off the main thread (~250 ms there: the 760 kB
 * topology's parse, then 100,000 points to GeoJSON), and hands them over in one transfer.
 */
const scope = self as unknown as { postMessage(message: unknown, transfer: Transferable[]): void };
const packed = packCountries(topologyToCountries(topology as never));
scope.postMessage(packed, [packed.ringLengths.buffer, packed.coordinates.buffer]);
