import { parse } from 'mrz';

/**
 * Reading a machine-readable zone as an officer types it (ICAO 9303 TD1, TD2, TD3), with the `mrz`
 * library checking every field and check digit. Case and stray spaces are forgiven (a phone
 * keyboard adds both); everything else is reported with the line and the field that is wrong.
 * Only what a document check needs comes out: type, issuing country, number, expiry. The name,
 * birth date and the rest of the zone stay on the phone.
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

/** What is wrong, for a client to say in its own language (`message` is the English). */
export const MRZ_PROBLEM_CODES = ['line_count', 'line_length', 'stray_character', 'unreadable', 'invalid_field'] as const;
export type MrzProblemCode = (typeof MRZ_PROBLEM_CODES)[number];

/** The fields of a TD1, TD2 or TD3 zone (the `mrz` library's names) a problem can name; a client names any other generically. */
export const MRZ_FIELDS = [
  'documentCode',
  'issuingState',
  'documentNumber',
  'documentNumberCheckDigit',
  'nationality',
  'birthDate',
  'birthDateCheckDigit',
  'sex',
  'expirationDate',
  'expirationDateCheckDigit',
  'personalNumber',
  'personalNumberCheckDigit',
  'optional',
  'optional1',
  'optional2',
  'compositeCheckDigit',
] as const;

export interface MrzProblem {
  code: MrzProblemCode;
  /** 1-based; null when the problem is the zone as a whole. */
  line: number | null;
  /** The `mrz` library's field name, e.g. `documentNumberCheckDigit`; null for a line's length. */
  field: string | null;
  /** What the message says besides line and field: `count` (lines), `length`, `expected`, `format` (TD1…), `character`. */
  params: Readonly<Record<string, string | number>>;
  message: string;
}

export interface MrzDocument {
  format: MrzFormat;
  /** The document code's first letter: P passport, I/A/C identity card, V visa. */
  documentCode: string;
  issuingCountry: string;
  documentNumber: string;
  /** YYYY-MM-DD. */
  expiryDate: string;
}

export type MrzReading = { ok: true; document: MrzDocument } | { ok: false; problems: MrzProblem[] };

const LINE_LENGTH: Record<MrzFormat, number> = { TD1: 30, TD2: 36, TD3: 44 };
const FORMAT_NAME: Record<MrzFormat, string> = { TD1: 'identity card (TD1)', TD2: 'identity card (TD2)', TD3: 'passport (TD3)' };

/** Upper case, no spaces, one zone line per input line (empty lines dropped). */
export function normaliseMrzLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, '').toUpperCase())
    .filter((line) => line.length > 0);
}

export function readMrz(text: string): MrzReading {
  const lines = normaliseMrzLines(text);
  if (lines.length < 2 || lines.length > 3) {
    return { ok: false, problems: [{ code: 'line_count', line: null, field: null, params: { count: lines.length }, message: `A machine-readable zone has 2 or 3 lines; this has ${lines.length}` }] };
  }
  const format: MrzFormat = lines.length === 3 ? 'TD1' : Math.max(...lines.map((line) => line.length)) > 40 ? 'TD3' : 'TD2';
  const expected = LINE_LENGTH[format];
  const problems: MrzProblem[] = [];
  lines.forEach((line, index) => {
    if (line.length !== expected) {
      problems.push({
        code: 'line_length',
        line: index + 1,
        field: null,
        params: { length: line.length, expected, format },
        message: `Line ${index + 1} has ${line.length} characters; a ${FORMAT_NAME[format]} line has ${expected}`,
      });
    }
    const stray = line.match(/[^A-Z0-9<]/);
    if (stray) problems.push({ code: 'stray_character', line: index + 1, field: null, params: { character: stray[0] }, message: `Line ${index + 1} has “${stray[0]}”: only letters, digits and < belong in the zone` });
  });
  if (problems.length > 0) return { ok: false, problems };

  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines);
  } catch (error) {
    return { ok: false, problems: [{ code: 'unreadable', line: null, field: null, params: {}, message: error instanceof Error ? error.message : String(error) }] };
  }
  for (const detail of result.details) {
    if (detail.valid) continue;
    // Names are not checked: a wrong name never stops a document check (and is not kept anyway).
    if (detail.field === 'lastName' || detail.field === 'firstName') continue;
    problems.push({ code: 'invalid_field', line: detail.line + 1, field: detail.field ?? null, params: {}, message: `Line ${detail.line + 1}, ${detail.label.toLowerCase()}: ${detail.error ?? 'not valid'}` });
  }
  const fields = result.fields;
  if (problems.length > 0 || !fields.documentCode || !fields.issuingState || !fields.expirationDate) {
    if (problems.length === 0) problems.push({ code: 'unreadable', line: null, field: null, params: {}, message: 'The zone could not be read' });
    return { ok: false, problems };
  }
  const number = result.documentNumber ?? fields.documentNumber;
  if (!number) return { ok: false, problems: [{ code: 'invalid_field', line: 1, field: 'documentNumber', params: {}, message: 'Line 1, document number: missing' }] };
  return {
    ok: true,
    document: {
      format,
      documentCode: fields.documentCode.charAt(0),
      issuingCountry: fields.issuingState.replace(/</g, ''),
      documentNumber: number.replace(/</g, ''),
      expiryDate: `20${fields.expirationDate.slice(0, 2)}-${fields.expirationDate.slice(2, 4)}-${fields.expirationDate.slice(4, 6)}`,
    },
  };
}

/** ICAO 9303 check digit (weights 7, 3, 1): for building specimens and test data. */
export function mrzCheckDigit(value: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const n = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += n * weights[i % 3];
  }
  return String(sum % 10);
}
