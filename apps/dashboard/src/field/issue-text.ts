import { issueMessageName, MRZ_FIELDS, type MrzProblem } from '@lintas/contracts';
import { type FieldTextKey, ft } from '../i18n/field-i18n';
import { currentLocale } from '../i18n/translate';

/**
 * What the contracts' schemas and the MRZ reader find wrong, in the page's language: by zod's issue
 * code and its parameters (`too_small` with `minimum` …), by the name of one of the contracts' own
 * messages (`ISSUE_MESSAGES`), by the MRZ problem's code. Never the schemas' English, which stays
 * what the API answers.
 */
export interface IssueLike {
  code: string;
  message: string;
  path?: readonly PropertyKey[];
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

const number = (value: number | bigint | undefined): string => (value === undefined ? '' : value.toLocaleString(currentLocale()));

export function issueText(issue: IssueLike): string {
  const named = issueMessageName(issue.message);
  if (named) return ft(`issue.named.${named}`);
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return ft('issue.required');
      return ft(issue.expected === 'number' || issue.expected === 'int' ? 'issue.number' : 'issue.invalid');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? ft('issue.empty') : ft('issue.tooShort', { minimum: number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return ft('issue.tooFew', { minimum: number(issue.minimum) });
      return ft('issue.tooSmall', { minimum: number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return ft('issue.tooLong', { maximum: number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return ft('issue.tooMany', { maximum: number(issue.maximum) });
      return ft('issue.tooBig', { maximum: number(issue.maximum) });
    case 'invalid_format':
      return ft(issue.format === 'datetime' || issue.format === 'date' ? 'issue.date' : 'issue.format');
    case 'invalid_value':
      return ft('issue.choose');
    case 'not_multiple_of':
      return ft('issue.wholeNumber');
    default:
      return ft('issue.invalid');
  }
}

/** An issue the server answered (`path`, English `message`): translated when the message is one of the contracts' own, else as the server said it. */
export function serverIssueText(issue: { path: string; message: string }): string {
  const named = issueMessageName(issue.message);
  return `${pathLabel(issue.path.split('.'))}: ${named ? ft(`issue.named.${named}`) : issue.message}`;
}

/** The form's own name for what an issue's path points at; the path itself when no form names it. */
const PATH_LABELS: Readonly<Record<string, FieldTextKey>> = {
  title: 'form.titleRequired',
  narrative: 'form.narrative',
  occurredAt: 'form.time',
  lat: 'form.place',
  lon: 'form.place',
  siteId: 'form.site',
  marking: 'form.marking',
  'interception.interceptionKind': 'form.kind',
  'interception.persons': 'form.persons',
  'interception.suspects': 'form.suspects',
  'interception.presumedVictims': 'form.presumedVictims',
  'interception.minors': 'form.minors',
  'interception.documentsSeized': 'form.documentsSeized',
  'interception.nationalities': 'form.nationalities',
  documentType: 'check.type',
  issuingCountry: 'check.country',
  documentNumber: 'check.number',
  expiryDate: 'check.expiry',
  mrz: 'check.mode.mrz',
};

export function pathLabel(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  const key = PATH_LABELS[parts.join('.')] ?? PATH_LABELS[parts.filter((part) => !/^\d+$/.test(part)).join('.')];
  return key ? ft(key) : parts.join('.');
}

/** One problem of a typed machine-readable zone: "Line 2, document number check digit: not valid". */
export function mrzProblemText(problem: MrzProblem): string {
  const line = problem.line ?? '';
  switch (problem.code) {
    case 'line_count':
      return ft('mrz.problem.line_count', { count: problem.params.count ?? '' });
    case 'line_length':
      return ft('mrz.problem.line_length', { line, length: problem.params.length ?? '', expected: problem.params.expected ?? '', format: ft(`mrz.format.${String(problem.params.format) as 'TD1' | 'TD2' | 'TD3'}`) });
    case 'stray_character':
      return ft('mrz.problem.stray_character', { line, character: problem.params.character ?? '' });
    case 'invalid_field': {
      const field = (MRZ_FIELDS as readonly string[]).includes(problem.field ?? '') ? (problem.field as (typeof MRZ_FIELDS)[number]) : 'other';
      return ft('mrz.problem.invalid_field', { line, field: ft(`mrz.field.${field}`) });
    }
    default:
      return ft('mrz.problem.unreadable');
  }
}
