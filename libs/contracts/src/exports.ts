import { z } from 'zod';
import { timestampSchema } from './common';
import { EXPORT_FORMATS, EXPORT_LAYERS, type ExportFormat, REPORT_KINDS, REPORT_STATUSES } from './enums';
import { bboxSchema } from './geo';
import { MARKINGS, type Marking } from './marking';
import { commaListSchema } from './reports';

// Exports of an operation's picture (`GET /api/operations/{id}/export`): the formats, the map's
// filters as query parameters, and the file name, which carries the most restrictive marking of
// what is in the file.

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  geojson: 'application/geo+json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  kml: 'application/vnd.google-earth.kml+xml; charset=utf-8',
  tak: 'application/zip',
};

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = { geojson: 'geojson', csv: 'csv', kml: 'kml', tak: 'zip' };

const AGENCY_CODE = /^[A-Z0-9-]{2,16}$/;

export const exportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS),
  /** Which layers go into the file; all of them when absent. CSV holds reports (and alerts) only. */
  layers: commaListSchema(EXPORT_LAYERS).optional(),
  kind: commaListSchema(REPORT_KINDS).optional(),
  status: commaListSchema(REPORT_STATUSES).optional(),
  marking: commaListSchema(MARKINGS).optional(),
  /** Origin agency codes, as the map's agency filter (reports and teams). */
  agency: z
    .string()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.string().regex(AGENCY_CODE, 'agency codes are 2–16 capitals, digits or hyphens')).max(50))
    .optional(),
  /** Reports that occurred at or after `from` and before `to`; tracks inside the same window. */
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  bbox: bboxSchema.optional(),
  teamId: z.uuid().optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The marking as it can stand in a file name: `TLP-AMBER+STRICT`. */
export function markingForFileName(marking: Marking): string {
  return marking.replace(':', '-');
}

/**
 * `EXERCISE_EX-SADAO-SHIELD_TLP-AMBER_20261201T1030Z.kml`: the exercise flag first, then the
 * operation's code, the most restrictive marking of the content and the time of the export.
 */
export function exportFileName(input: { operationCode: string; exercise: boolean; marking: Marking; format: ExportFormat; at: Date }): string {
  const stamp = `${input.at.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z`;
  const code = input.operationCode.replace(/[^A-Za-z0-9-]/g, '_');
  const parts = [input.exercise ? 'EXERCISE' : null, code, markingForFileName(input.marking), stamp].filter(Boolean);
  return `${parts.join('_')}.${EXTENSIONS[input.format]}`;
}
