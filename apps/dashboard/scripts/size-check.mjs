// The field page's first load must stay light for a phone on a poor link: at most 200 kB of
// JavaScript, gzip-compressed (zlib's default level, as `gzip` uses). Run after `vite build`
// (the `dashboard:size-check` target, which `dashboard:test` depends on). Prints the figure; exits 1 over the limit.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fieldBundle } from './field-bundle.mjs';

export const LIMIT_BYTES = 200_000;

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
let manifest;
try {
  manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
} catch (error) {
  console.error(`size-check: no build manifest in ${dist} (run \`nx run dashboard:build\` first): ${error.message}`);
  process.exit(1);
}

const { firstLoadJs, all } = fieldBundle(manifest);
const rows = firstLoadJs.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes).length };
});
const total = rows.reduce((sum, row) => sum + row.gzip, 0);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

console.log('Field page (/field), first load, JavaScript:');
for (const row of rows) console.log(`  ${row.file.padEnd(44)} ${kB(row.raw).padStart(10)} raw ${kB(row.gzip).padStart(10)} gzip`);
console.log(`  total ${kB(total)} gzip of ${kB(LIMIT_BYTES)} allowed; ${all.length - rows.length} more files load later or offline (map picker, basemap, styles)`);
if (total > LIMIT_BYTES) {
  console.error(`size-check: the field page's first load is ${kB(total)} of JavaScript (gzip), over the ${kB(LIMIT_BYTES)} limit.`);
  process.exit(1);
}
