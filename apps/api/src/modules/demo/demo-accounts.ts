import type { DemoAccount } from './demo-seeder.service';

/** The demo accounts as a plain-text table, printed to stdout when a demo start is ready. */
export function formatDemoAccounts(accounts: readonly DemoAccount[], password: string): string {
  const rows = accounts.map((a) => [a.email, a.role, a.agencyCode, a.name]);
  const header = ['e-mail', 'role', 'agency', 'name'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i])).join('  ')}`.trimEnd();
  return [
    '',
    '  Demo accounts (demo mode only):',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `  Password for every demo account: ${password}`,
    '',
  ].join('\n');
}
