import type { ReportSummary } from '@lintas/contracts';

/** Open alerts (no verdict yet) this viewer has not acknowledged, newest first. */
export function openUnacknowledgedAlerts(reports: Iterable<ReportSummary>, acknowledged: ReadonlySet<string>): ReportSummary[] {
  const result: ReportSummary[] = [];
  for (const report of reports) {
    if (report.kind === 'alert' && report.status === 'reported' && !acknowledged.has(report.id)) result.push(report);
  }
  return result.sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : a.occurredAt > b.occurredAt ? -1 : a.id.localeCompare(b.id)));
}
