// The Natural Earth outlines as the page reads them (`src/map/outlines-encoding.ts`), converted once
// per build, dev server or test run, before any module that imports them is resolved:
// `generated/countries-50m.bin` (not committed), imported with `?url` by `src/map/basemap.ts` like
// any other asset. The conversion is the page's own TypeScript, loaded through Vite's module runner.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

export const OUTLINES_FILE = fileURLToPath(new URL('../generated/countries-50m.bin', import.meta.url));

/** @returns {import('vite').Plugin} */
export function countryOutlinesFile() {
  return {
    name: 'lintas-country-outlines',
    async config() {
      const writer = fileURLToPath(new URL('./outlines-file-writer.ts', import.meta.url));
      const { module } = await runnerImport(writer, { configFile: false, logLevel: 'error' });
      module.writeOutlinesFile(OUTLINES_FILE);
    },
  };
}
