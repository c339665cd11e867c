import type { ErrorIssue, IssueMessageParams } from '@lintas/contracts';
import { namedIssue } from '@lintas/contracts/plain';
import { common } from './common';
import { formatCount } from './translate';

/**
 * What the contracts' schemas find wrong, in the page's language, for both pages (the field forms
 * and the operations room's): by the name of one of the contracts' own messages (`ISSUE_MESSAGES`,
 * with the figures of a templated one), else by zod's issue code and its figures (`too_small` with
 * `minimum` …). Never the schemas' English, which stays what the API answers. The texts are the
 * shared catalogue's `issue.*`; every figure is written the page's way (`2.000` in Vietnamese).
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

const t = common.t;
const number = (value: number | bigint | undefined): string => (value === undefined ? '' : formatCount(Number(value)));

/** A named message's text, its figures written the page's way; null when the message has no name. */
function namedText(message: string): string | null {
  const named = namedIssue(message);
  return named ? t(`issue.named.${named.name}`, figures(named.params)) : null;
}

function figures(params: IssueMessageParams): IssueMessageParams {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, typeof value === 'number' ? formatCount(value) : value]));
}

/**
 * An issue the API answered (a 400's `issues`, a refused socket message): by name, else by zod's
 * code and figures. A message of another's making that has neither (a custom check the contracts do
 * not name, an answer of an older server) is shown as the server said it.
 */
export function answeredIssueText(issue: Pick<ErrorIssue, 'message' | 'code' | 'params'>): string {
  const named = namedText(issue.message);
  if (named) return named;
  if (!issue.code || issue.code === 'custom') return issue.message;
  return issueText({ ...issue.params, code: issue.code, message: issue.message });
}

export function issueText(issue: IssueLike): string {
  const named = namedText(issue.message);
  if (named) return named;
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return t('issue.required');
      return t(issue.expected === 'number' || issue.expected === 'int' ? 'issue.number' : 'issue.invalid');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? t('issue.empty') : t('issue.tooShort', { minimum: number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('issue.tooFew', { minimum: number(issue.minimum) });
      return t('issue.tooSmall', { minimum: number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('issue.tooLong', { maximum: number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('issue.tooMany', { maximum: number(issue.maximum) });
      return t('issue.tooBig', { maximum: number(issue.maximum) });
    case 'invalid_format':
      return t(issue.format === 'datetime' || issue.format === 'date' ? 'issue.date' : 'issue.format');
    case 'invalid_value':
      return t('issue.choose');
    case 'not_multiple_of':
      return t('issue.wholeNumber');
    default:
      return t('issue.invalid');
  }
}
