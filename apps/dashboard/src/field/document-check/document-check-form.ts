import { documentTypeFromCode, DOCUMENT_TYPES, documentNumberSchema, issuingCountrySchema, readMrz, type DocumentType } from '@lintas/contracts';
import { ft } from '../../i18n/field-i18n';
import { issueText, mrzProblemText } from '../issue-text';
import type { DocumentCheckBody } from '../outbox-types';

/**
 * The phone's side of a document check: the MRZ is read and its check digits verified here, with
 * the `mrz` library (through the contracts), so the officer fixes a mistyped zone on the spot; only
 * type, country, number and expiry are queued — the name and birth date never leave the phone.
 */
export type CheckFormValues =
  | { mode: 'mrz'; mrz: string }
  | { mode: 'fields'; documentType: DocumentType; issuingCountry: string; documentNumber: string; expiryDate: string };

export type CheckBuild = { ok: true; body: DocumentCheckBody } | { ok: false; problems: string[] };

export function buildDocumentCheck(values: CheckFormValues): CheckBuild {
  if (values.mode === 'mrz') {
    const reading = readMrz(values.mrz);
    if (!reading.ok) return { ok: false, problems: reading.problems.map(mrzProblemText) };
    const { document } = reading;
    return {
      ok: true,
      body: { documentType: documentTypeFromCode(document.documentCode), issuingCountry: document.issuingCountry, documentNumber: document.documentNumber, expiryDate: document.expiryDate },
    };
  }
  const problems: string[] = [];
  const country = issuingCountrySchema.safeParse(values.issuingCountry);
  // Problems in the page's language (the schemas' English is what the API answers).
  if (!country.success) problems.push(`${ft('check.country')}: ${issueText(country.error.issues[0])}`);
  const number = documentNumberSchema.safeParse(values.documentNumber);
  if (!number.success) problems.push(`${ft('check.number')}: ${issueText(number.error.issues[0])}`);
  if (!DOCUMENT_TYPES.includes(values.documentType)) problems.push(`${ft('check.type')}: ${ft('issue.choose')}`);
  if (values.expiryDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.expiryDate)) problems.push(`${ft('check.expiry')}: ${ft('issue.date')}`);
  if (problems.length > 0 || !country.success || !number.success) return { ok: false, problems };
  return { ok: true, body: { documentType: values.documentType, issuingCountry: country.data, documentNumber: number.data, expiryDate: values.expiryDate || null } };
}
