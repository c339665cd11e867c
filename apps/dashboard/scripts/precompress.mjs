// Compresses the built assets once, at build time (brotli at its best level, and gzip): the API
// then sends these files as they are (apps/api/src/dashboard-static.ts) instead of gzipping ~2 MB of
// JavaScript and data again on every first load — CPU the API needs for the snapshot at that moment.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|css|svg|json|webmanifest|bin)$/;
/** Below this, compression saves less than a packet. */
const MIN_BYTES = 256;

/** @param {string} outDir absolute path of the build folder */
export function precompress(outDir) {
  return {
    name: 'lintas-precompress',
    apply: 'build',
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!COMPRESSIBLE.test(name)) continue;
        const file = join(assets, name);
        const content = readFileSync(file);
        if (content.length < MIN_BYTES) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}
