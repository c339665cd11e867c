import { ApiError } from '../api/api-error';
import { en } from './catalog-en';
import { t, type MessageKey } from './i18n';
import { answeredIssueText } from './issue-text';

/** A form's names for the fields the API may refuse (the first part of an issue's path → the field's label). */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * What to show for a failed request: for refused input, each failing field's problem in the page's
 * language (after the field's label when the form names it); else the catalogue's text for the API's
 * error code when it has one (translated with the rest of the screen), else the server's own
 * message, which carries the details (which field, which version) that a code alone does not.
 */
export function errorText(error: unknown, labels: FieldLabels = {}): string {
  if (error instanceof ApiError && error.issues?.length) {
    return error.issues
      .map((issue) => {
        const label = labels[issue.path.split('.')[0]];
        return label ? `${label}: ${answeredIssueText(issue)}` : answeredIssueText(issue);
      })
      .join('; ');
  }
  if (error instanceof ApiError && error.code !== null) {
    const key = `error.${error.code}`;
    if (key in en) return t(key as MessageKey);
  }
  return error instanceof Error ? error.message : String(error);
}
