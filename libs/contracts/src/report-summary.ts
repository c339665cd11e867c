import type { Report, ReportSummary } from './reports';

/**
 * The fields of a report that the operations room draws without opening it: the map's markers
 * (position, kind, status, marking, title), the list and its filters (times, origin, team, site),
 * the figures (interception counts) and the version that orders live updates. The compact snapshot
 * (`GET /operations/:id/snapshot?compact=1`) carries reports in this form; the full report
 * (narrative, recipients, verdict, author) is read when one is opened (`GET /reports/:id`).
 */
export const REPORT_SUMMARY_FIELDS = [
  'id',
  'operationId',
  'kind',
  'status',
  'title',
  'lat',
  'lon',
  'siteId',
  'occurredAt',
  'receivedAt',
  'originAgency',
  'teamId',
  'marking',
  'interception',
  'version',
] as const satisfies readonly (keyof Report)[];

/** A report in its summary form: only `REPORT_SUMMARY_FIELDS`, nothing else (a full report is a summary too, by type). */
export function toReportSummary(report: Report): ReportSummary {
  const summary: Partial<Record<keyof ReportSummary, unknown>> = {};
  for (const field of REPORT_SUMMARY_FIELDS) summary[field] = report[field];
  return summary as ReportSummary;
}

/** Whether this copy is the full report (a summary lacks the narrative and the rest). */
export function isFullReport(report: ReportSummary): report is Report {
  return 'narrative' in report && 'recipientAgencyIds' in report;
}
