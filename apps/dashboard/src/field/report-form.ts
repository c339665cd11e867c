import { type CreateReport, type CreateReportInput, createReportSchema, type InterceptionKind, type Marking, type Site } from '@lintas/contracts';
import { ft } from '../i18n/field-i18n';
import { type IssueLike, issueText } from './issue-text';

/**
 * The field forms' values (strings, as inputs hold them) and their way into a `CreateReport`,
 * checked with the contracts' schema before anything is queued; and back again, to edit a post
 * the server refused.
 */
export type Place = { kind: 'none' } | { kind: 'site'; siteId: string } | { kind: 'point'; lat: number; lon: number; source: 'gps' | 'map' };

export const COUNT_FIELDS = ['persons', 'suspects', 'presumedVictims', 'minors', 'documentsSeized'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

export interface ReportFormValues {
  kind: 'interception' | 'sitrep';
  interceptionKind: InterceptionKind | '';
  place: Place;
  /** As a `datetime-local` input holds it: local time, `YYYY-MM-DDTHH:mm`. */
  occurredAt: string;
  counts: Record<CountField, string>;
  nationalities: string[];
  /** Free text: more ISO 3166-1 alpha-2 codes, separated by commas or spaces. */
  otherNationalities: string;
  narrative: string;
  title: string;
  marking: Marking;
}

/** Form field → message, for the fields the officer can fix. */
export type FieldErrors = Partial<Record<'interceptionKind' | 'place' | 'occurredAt' | CountField | 'nationalities' | 'narrative' | 'title' | 'marking' | 'form', string>>;

export const DEFAULT_MARKING: Marking = 'TLP:AMBER';

export function emptyForm(kind: ReportFormValues['kind'], place: Place, now: Date = new Date(), narrative = ''): ReportFormValues {
  return {
    kind,
    interceptionKind: '',
    place,
    occurredAt: toLocalInput(now),
    counts: { persons: '', suspects: '', presumedVictims: '', minors: '', documentsSeized: '' },
    nationalities: [],
    otherNationalities: '',
    narrative,
    title: '',
    marking: DEFAULT_MARKING,
  };
}

export interface BuildContext {
  clientId: string;
  teamId: string;
  sites: readonly Site[];
  /** Used for a default title. */
  callSign: string;
}

export type BuildResult = { ok: true; report: CreateReport } | { ok: false; errors: FieldErrors };

/** Form values → a report the server will accept, or the errors to show beside the fields. */
export function buildReport(values: ReportFormValues, context: BuildContext): BuildResult {
  const site = values.place.kind === 'site' ? context.sites.find((s) => s.id === (values.place as { siteId: string }).siteId) : undefined;
  const point = values.place.kind === 'point' ? values.place : site ? { lat: site.lat, lon: site.lon } : null;
  const occurred = new Date(values.occurredAt);
  const interception =
    values.kind === 'interception'
      ? {
          interceptionKind: values.interceptionKind || undefined,
          ...Object.fromEntries(COUNT_FIELDS.map((field) => [field, countValue(values.counts[field], field === 'persons')])),
          nationalities: nationalityCodes(values),
        }
      : null;
  const input = {
    clientId: context.clientId,
    kind: values.kind,
    title: values.title.trim() || defaultTitle(values, site, context.callSign),
    narrative: values.narrative,
    lat: point?.lat ?? null,
    lon: point?.lon ?? null,
    siteId: site?.id ?? null,
    occurredAt: Number.isNaN(occurred.getTime()) ? values.occurredAt : occurred.toISOString(),
    teamId: context.teamId,
    marking: values.marking,
    interception,
  };
  const parsed = createReportSchema.safeParse(input);
  if (parsed.success) return { ok: true, report: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= friendlyMessage(field, issue);
  }
  return { ok: false, errors };
}

/** The body as sent: values equal to the schema's defaults are left out (the server fills them in). */
export function minimalReport(report: CreateReport): CreateReportInput {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    body[key] = value;
  }
  if (report.interception) {
    const interception: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(report.interception)) {
      if ((value === 0 && key !== 'persons') || (Array.isArray(value) && value.length === 0)) continue;
      interception[key] = value;
    }
    body.interception = interception;
  }
  // What was left out is null, empty or zero: each such field has that default (or is optional).
  return body as CreateReportInput;
}

/** A stored report → form values, to edit and send again. */
export function formFromReport(report: CreateReport): ReportFormValues {
  const kind = report.kind === 'interception' ? 'interception' : 'sitrep';
  const place: Place = report.siteId
    ? { kind: 'site', siteId: report.siteId }
    : report.lat !== null && report.lat !== undefined && report.lon !== null && report.lon !== undefined
      ? { kind: 'point', lat: report.lat, lon: report.lon, source: 'map' }
      : { kind: 'none' };
  const values = emptyForm(kind, place, new Date(report.occurredAt), report.narrative ?? '');
  values.title = report.title;
  values.marking = report.marking ?? DEFAULT_MARKING;
  const details = report.interception;
  if (details) {
    values.interceptionKind = details.interceptionKind;
    for (const field of COUNT_FIELDS) values.counts[field] = String(details[field] ?? '');
    values.nationalities = [...(details.nationalities ?? [])];
  }
  return values;
}

/** A `datetime-local` value in the device's time zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function countValue(text: string, required: boolean): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return required ? undefined : 0;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function nationalityCodes(values: ReportFormValues): string[] {
  const extra = values.otherNationalities
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set([...values.nationalities, ...extra])];
}

function defaultTitle(values: ReportFormValues, site: Site | undefined, callSign: string): string {
  const where = site ? ` at ${site.name}` : '';
  if (values.kind === 'sitrep') return `Sitrep ${callSign}${where}`.slice(0, 120);
  const kind = values.interceptionKind ? values.interceptionKind.replace(/_/g, ' ') : 'interception';
  const persons = values.counts.persons.trim();
  const title = `${kind.charAt(0).toUpperCase()}${kind.slice(1)}${persons ? `: ${persons} persons` : ''}${where}`;
  return title.slice(0, 120);
}

function fieldOf(path: readonly PropertyKey[]): keyof FieldErrors {
  const [first, second] = path;
  if (first === 'interception') {
    if (typeof second === 'string' && (COUNT_FIELDS as readonly string[]).includes(second)) return second as CountField;
    if (second === 'nationalities') return 'nationalities';
    return 'interceptionKind';
  }
  if (first === 'lat' || first === 'lon' || first === 'siteId') return 'place';
  if (first === 'occurredAt' || first === 'narrative' || first === 'title' || first === 'marking') return first;
  return 'form';
}

function friendlyMessage(field: keyof FieldErrors, issue: IssueLike): string {
  if (field === 'interceptionKind' && issue.code === 'invalid_value') return ft('form.error.kind');
  if (field === 'persons' && issue.code === 'invalid_type' && issue.message.includes('undefined')) return ft('form.error.persons');
  if ((COUNT_FIELDS as readonly string[]).includes(field) && issue.code === 'invalid_type') return ft('form.error.wholeNumber');
  if (field === 'occurredAt' && issue.code === 'invalid_format') return ft('form.error.dateTime');
  return issueText(issue);
}
