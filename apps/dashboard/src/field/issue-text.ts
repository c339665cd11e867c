import { MRZ_FIELDS, type ErrorIssue, type MrzProblem } from '@lintas/contracts';
import { type FieldTextKey, ft } from '../i18n/field-i18n';
import { answeredIssueText } from '../i18n/issue-text';

/** The validation messages both pages show live in `i18n/issue-text.ts`; the field page's own labels and MRZ problems here. */
export { issueText, type IssueLike } from '../i18n/issue-text';

/** An issue the server answered, after the form's name for its field: by the contracts' name for its message, else by zod's code and figures. */
export function serverIssueText(issue: ErrorIssue): string {
  return `${pathLabel(issue.path.split('.'))}: ${answeredIssueText(issue)}`;
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
