import { readFileSync, writeFileSync, existsSync } from 'node:fs';

export const DASHBOARD_HEADING = '## Dashboard';

/**
 * Puts the dashboard's section into docs/benchmarks.md: replaces the section under
 * `## Dashboard` (up to the next `## ` heading) or appends it, leaving the rest of the file as it
 * is (other sections belong to other benchmarks).
 */
export function writeDashboardSection(path: string, section: string): void {
  const body = section.trim().startsWith(DASHBOARD_HEADING) ? section.trim() : `${DASHBOARD_HEADING}\n\n${section.trim()}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  const start = current.search(/^## Dashboard\s*$/m);
  if (start === -1) {
    writeFileSync(path, `${current.replace(/\s*$/, '')}\n\n${body}\n`);
    return;
  }
  const rest = current.slice(start + DASHBOARD_HEADING.length);
  const next = rest.search(/^## /m);
  const after = next === -1 ? '' : `\n\n${rest.slice(next)}`;
  writeFileSync(path, `${current.slice(0, start)}${body}${after.replace(/\s*$/, '')}\n`);
}
