import type { ErrorCode } from '@lintas/contracts';
import { ApiError } from '../api/api-error';
import { errorText } from '../i18n/error-text';
import { answeredIssueText } from '../i18n/issue-text';

/** Which form field a refusal code is about, so that its message shows next to that field. */
const FIELD_OF_CODE: Partial<Record<ErrorCode, string>> = {
  agency_code_taken: 'code',
  site_code_taken: 'code',
  operation_code_taken: 'code',
  email_taken: 'email',
  call_sign_taken: 'callSign',
  invalid_members: 'memberUserIds',
  invalid_period: 'endsAt',
  agency_inactive: 'agencyId',
};

/** A failed save as a form shows it: a message per field, and one for the form when no field fits. */
export interface FormErrors {
  fields: Record<string, string>;
  form: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, form: null };

/**
 * Turns a failed request into messages next to the fields (validation issues, and the codes above),
 * in the page's language: a validation issue by the name of the contracts' message or by zod's
 * code and figures (`answeredIssueText`, the field forms' catalogue texts), a refusal by its code (`errorText`).
 */
export function formErrorsOf(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return { fields: {}, form: errorText(error) };
  const fields: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    const field = issue.path.split('.')[0] || 'form';
    fields[field] ??= answeredIssueText(issue);
  }
  const field = error.code ? FIELD_OF_CODE[error.code] : undefined;
  if (field) fields[field] = errorText(error);
  const placed = Object.keys(fields).length > 0;
  return { fields, form: placed ? null : errorText(error) };
}
