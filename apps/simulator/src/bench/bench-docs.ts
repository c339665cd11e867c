import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/**
 * Writes the results of a run into docs/benchmarks.md between two markers, keeping what people
 * wrote around them (the analysis, the profiles). A missing file is created with the markers.
 */
export function writeResults(file: string, results: string): void {
  const block = `${START}\n${results.trim()}\n${END}`;
  if (!existsSync(file)) {
    writeFileSync(file, `# Benchmarks\n\n\`npm run bench\` writes its latest results below.\n\n${block}\n`);
    return;
  }
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
