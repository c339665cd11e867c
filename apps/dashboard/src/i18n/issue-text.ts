import { issueMessageName } from '@lintas/contracts';
import { common } from './common';
import { currentLocale } from './translate';

/**
 * What the contracts' schemas find wrong, in the page's language, for both pages (the field forms
 * and the operations room's): by zod's issue code and its parameters (`too_small` with `minimum` …),
 * or by the name of one of the contracts' own messages (`ISSUE_MESSAGES`). Never the schemas'
 * English, which stays what the API answers. The texts are the shared catalogue's `issue.*`.
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
const number = (value: number | bigint | undefined): string => (value === undefined ? '' : value.toLocaleString(currentLocale()));

/** A message the server answered (English): translated when it is one of the contracts' own, else as the server said it. */
export function issueMessageText(message: string): string {
  const named = issueMessageName(message);
  return named ? t(`issue.named.${named}`) : message;
}

export function issueText(issue: IssueLike): string {
  const named = issueMessageName(issue.message);
  if (named) return t(`issue.named.${named}`);
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
