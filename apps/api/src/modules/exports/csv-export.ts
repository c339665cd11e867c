import type { Report } from '@lintas/contracts';
import { stringify } from 'csv-stringify/sync';
import { bannerOf, type ExportContent } from './export-content';

const COLUMNS = [
  'marking',
  'exercise',
  'id',
  'kind',
  'status',
  'title',
  'narrative',
  'occurred_at',
  'received_at',
  'agency',
  'team_id',
  'site_id',
  'lat',
  'lon',
  'interception_kind',
  'persons',
  'suspects',
  'presumed_victims',
  'minors',
  'nationalities',
  'documents_seized',
  'status_reason',
  'updated_at',
] as const;

/**
 * The reports as CSV, for spreadsheets: UTF-8 with a byte-order mark (so that Excel keeps Khmer,
 * Thai and Vietnamese), a first row holding the marking banner alone, then the header and one row
 * per report. `escape_formulas` puts `'` before any cell that begins with `=`, `+`, `-`, `@`, tab
 * or carriage return, so that no cell runs as a formula (numbers stay numbers).
 */
export async function* csvExport(content: ExportContent): AsyncGenerator<string> {
  const options = { escape_formulas: true, record_delimiter: 'windows' as const };
  yield '\uFEFF';
  yield stringify([[`${bannerOf(content)} — exported ${content.generatedAt.toISOString()} by ${content.exportedBy}`]], options);
  yield stringify([[...COLUMNS]], options);
  const exercise = content.operation.exercise ? 'EXERCISE' : '';
  for await (const page of content.reports()) yield stringify(page.map((report) => row(report, exercise)), options);
}

function row(report: Report, exercise: string): (string | number | null)[] {
  const i = report.interception;
  return [
    report.marking,
    exercise,
    report.id,
    report.kind,
    report.status,
    report.title,
    report.narrative,
    report.occurredAt,
    report.receivedAt,
    report.originAgency.code,
    report.teamId,
    report.siteId,
    report.lat,
    report.lon,
    i?.interceptionKind ?? null,
    i?.persons ?? null,
    i?.suspects ?? null,
    i?.presumedVictims ?? null,
    i?.minors ?? null,
    i ? i.nationalities.join(' ') : null,
    i?.documentsSeized ?? null,
    report.statusReason,
    report.updatedAt,
  ];
}
