// The field page's first load must stay light for a phone on a poor link: at most 200 kB of
// JavaScript, gzip-compressed (zlib's default level, as `gzip` uses). Run after `vite build`
// (the `dashboard:size-check` target, which `dashboard:test` depends on). Prints the figure; exits 1 over the limit.
// Also checks that the field page ships none of the operations room's texts (its catalogue is
// src/i18n/catalog-en.ts; the field page has its own, catalog-field-en.ts), and that the operations
// room's first load evaluates none of the contracts' schemas.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fieldBundle } from './field-bundle.mjs';
import { FIRST_LOAD_CHUNKS } from './first-load-chunks.mjs';

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

// Texts only the operations room shows (src/i18n/catalog-en.ts and its translations in
// src/i18n/locales/*/dashboard.ts): none may be in any file the field page loads.
const OPERATIONS_ROOM_ONLY = [
  'Joint operations coordination',
  'Alerts to acknowledge: {count}',
  'Acknowledging an alert marks it as seen on this browser',
  'การประสานงานปฏิบัติการร่วม', // th
  'ការសម្របសម្រួលប្រតិបត្តិការរួម', // km
  'Điều phối chiến dịch liên ngành', // vi
];
const leaks = all
  .filter((file) => file.endsWith('.js'))
  .flatMap((file) => {
    const text = readFileSync(join(dist, file), 'utf8');
    return OPERATIONS_ROOM_ONLY.filter((sentence) => text.includes(sentence)).map((sentence) => `${file}: "${sentence}"`);
  });
if (leaks.length > 0) {
  console.error(`size-check: the field page loads the operations room's texts (import i18n/field-i18n, never i18n/i18n, from what the field page uses):\n  ${leaks.join('\n  ')}`);
  process.exit(1);
}
console.log(`  no operations-room texts in the field page's ${all.length} files`);

// The operations room's first load evaluates none of the contracts' schemas (they cost the main
// thread ~60–100 ms on the way to the first picture): every contracts module in its chunks is
// zod-free (`@lintas/contracts/plain`), but for the client configuration's own schema.
const ROOM_SCHEMAS_ALLOWED = new Set(['client-config.ts']);
const roomFirstLoad = Object.values(manifest)
  .filter((chunk) => [FIRST_LOAD_CHUNKS.early, FIRST_LOAD_CHUNKS.sharedEarly, FIRST_LOAD_CHUNKS.room, FIRST_LOAD_CHUNKS.shared].includes(chunk.name) && chunk.file.endsWith('.js'))
  .map((chunk) => chunk.file);
const contractsSources = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'libs', 'contracts', 'src');
const schemaModules = roomFirstLoad.flatMap((file) => {
  const { sources } = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8'));
  return sources
    .map((source) => join(dist, 'assets', source))
    .filter((source) => source.startsWith(contractsSources) && !ROOM_SCHEMAS_ALLOWED.has(basename(source)))
    .filter((source) => /from 'zod'/.test(readFileSync(source, 'utf8')))
    .map((source) => `${file}: ${source.slice(contractsSources.length + 1)}`);
});
if (roomFirstLoad.length < 4 || schemaModules.length > 0) {
  console.error(`size-check: the operations room's first load (${roomFirstLoad.join(', ') || 'no chunks found'}) holds the contracts' schemas (import values from @lintas/contracts/plain):\n  ${schemaModules.join('\n  ')}`);
  process.exit(1);
}
console.log(`Operations room, first load: no contracts schema module in its ${roomFirstLoad.length} chunks (${roomFirstLoad.join(', ')})`);
