import type { ReportSummary, ReportKind } from '@lintas/contracts';
import { REPORT_KINDS } from '@lintas/contracts/plain';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

export function reportsByKind(reports: readonly ReportSummary[]): Record<ReportKind, number> {
  const counts = Object.fromEntries(REPORT_KINDS.map((kind) => [kind, 0])) as Record<ReportKind, number>;
  for (const report of reports) counts[report.kind]++;
  return counts;
}

/** Reports per local calendar day for the last `days` days, oldest first (days without reports count 0). */
export function reportsByDay(reports: readonly ReportSummary[], now: number, days: number): { day: string; date: Date; value: number }[] {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const result: { day: string; date: Date; value: number }[] = [];
  const index = new Map<string, number>();
  for (let offset = days - 1; offset >= 0; offset--) {
    const date = new Date(today);
    date.setDate(today.getDate() - offset);
    index.set(dayKey(date), result.length);
    result.push({ day: dayKey(date), date, value: 0 });
  }
  for (const report of reports) {
    const position = index.get(dayKey(new Date(report.occurredAt)));
    if (position !== undefined) result[position].value++;
  }
  return result;
}

/** Reports per site, largest first, the rest summed into "other"; reports with no site are left out. */
export function reportsBySite(reports: readonly ReportSummary[], siteName: (siteId: string) => string | null, top: number, otherLabel: string): Bar[] {
  const counts = new Map<string, number>();
  for (const report of reports) {
    if (report.siteId) counts.set(report.siteId, (counts.get(report.siteId) ?? 0) + 1);
  }
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const bars: Bar[] = sorted.slice(0, top).map(([siteId, value]) => ({ key: siteId, label: siteName(siteId) ?? siteId.slice(0, 8), value }));
  const rest = sorted.slice(top).reduce((sum, [, value]) => sum + value, 0);
  if (rest > 0) bars.push({ key: 'other', label: otherLabel, value: rest });
  return bars;
}

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}
