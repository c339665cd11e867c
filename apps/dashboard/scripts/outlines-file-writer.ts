// Converts the Natural Earth outlines (world-atlas's 1:50m topology) into the file the page reads
// (`src/map/outlines-encoding.ts`), with the page's own conversion code. Run by the Vite plugin of
// `country-outlines-file.mjs` (through Vite's module runner: this is TypeScript).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { packCountries } from '../src/map/countries-transfer';
import { type CountriesTopology, topologyToCountries } from '../src/map/country-topology';
import { encodeOutlines } from '../src/map/outlines-encoding';

/** Writes the outlines file to `path` (only when its content changed, so that a running dev server does not see a new file each start). */
export function writeOutlinesFile(path: string): void {
  const source = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
  const topology = JSON.parse(readFileSync(source, 'utf8')) as CountriesTopology & { transform: { scale: [number, number]; translate: [number, number] } };
  const bytes = encodeOutlines(packCountries(topologyToCountries(topology)), { scale: topology.transform.scale, translate: topology.transform.translate });
  if (existsSync(path) && Buffer.from(bytes).equals(readFileSync(path))) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
