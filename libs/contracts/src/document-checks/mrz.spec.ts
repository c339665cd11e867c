import { describe, expect, it } from 'vitest';
import { createDocumentCheckSchema } from './document-checks';
import { readDocumentListRow } from './document-list-row';
import { readMrz } from './mrz';
import { td1Specimen, td2Specimen, td3Specimen } from './mrz-specimens';

const SPECIMENS = {
  TD3: { lines: td3Specimen({ country: 'KHM', number: 'N0123456' }), country: 'KHM', number: 'N0123456', code: 'P', numberLine: 2 },
  TD2: { lines: td2Specimen({ country: 'THA', number: 'T1234567' }), country: 'THA', number: 'T1234567', code: 'I', numberLine: 2 },
  TD1: { lines: td1Specimen({ country: 'VNM', number: 'C0012345' }), country: 'VNM', number: 'C0012345', code: 'I', numberLine: 1 },
} as const;

/** Changes the document number's check digit (the character right after the 9-character number). */
function corruptNumberCheckDigit(lines: readonly string[], format: keyof typeof SPECIMENS): string[] {
  const copy = [...lines];
  const [line, index] = format === 'TD1' ? [0, 14] : [1, 9];
  const digit = copy[line].charAt(index);
  copy[line] = copy[line].slice(0, index) + String((Number(digit) + 1) % 10) + copy[line].slice(index + 1);
  return copy;
}

describe.each(Object.entries(SPECIMENS))('MRZ %s', (format, specimen) => {
  it('reads the valid specimen: type, country, number, expiry', () => {
    const reading = readMrz(specimen.lines.join('\n'));
    expect(reading).toEqual({ ok: true, document: { format, documentCode: specimen.code, issuingCountry: specimen.country, documentNumber: specimen.number, expiryDate: '2031-01-01' } });
  });

  it('names the line and the field of a corrupted check digit', () => {
    const reading = readMrz(corruptNumberCheckDigit(specimen.lines, format as keyof typeof SPECIMENS).join('\n'));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    const problem = reading.problems.find((p) => p.field === 'documentNumberCheckDigit');
    expect(problem?.line).toBe(specimen.numberLine);
    expect(problem?.code).toBe('invalid_field');
    expect(problem?.message).toMatch(new RegExp(`^Line ${specimen.numberLine}, document number check digit: invalid check digit`));
  });

  it('names the line of a wrong length and says how long it should be', () => {
    const lines = [...specimen.lines];
    lines[1] = lines[1].slice(0, -1);
    const reading = readMrz(lines.join('\n'));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems[0]).toMatchObject({ code: 'line_length', line: 2, params: { expected: lines[0].length } });
    expect(reading.problems[0].message).toMatch(/^Line 2 has \d+ characters; a .+ line has (30|36|44)$/);
  });

  it('forgives lower case and stray spaces (a phone keyboard adds both)', () => {
    const typed = specimen.lines.map((line, index) => (index === 0 ? `  ${line.toLowerCase()}` : `${line.slice(0, 10)} ${line.slice(10)} `)).join('\r\n\n');
    const reading = readMrz(typed);
    expect(reading.ok && reading.document.documentNumber).toBe(specimen.number);
  });
});

describe('MRZ as a whole', () => {
  it('needs 2 or 3 lines and only letters, digits and <', () => {
    expect(readMrz('P<KHM')).toEqual({ ok: false, problems: [{ code: 'line_count', line: null, field: null, params: { count: 1 }, message: 'A machine-readable zone has 2 or 3 lines; this has 1' }] });
    const lines = [...SPECIMENS.TD3.lines];
    lines[0] = `${lines[0].slice(0, 43)}#`;
    const reading = readMrz(lines.join('\n'));
    expect(!reading.ok && reading.problems[0].message).toBe('Line 1 has “#”: only letters, digits and < belong in the zone');
  });

  it('a check body with an MRZ becomes the four fields; a wrong zone fails under `mrz`', () => {
    const ids = { clientId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b', teamId: '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d' };
    expect(createDocumentCheckSchema.parse({ ...ids, mrz: SPECIMENS.TD3.lines.join('\n') })).toEqual({
      ...ids,
      documentType: 'passport',
      issuingCountry: 'KHM',
      documentNumber: 'N0123456',
      expiryDate: '2031-01-01',
    });
    const failed = createDocumentCheckSchema.safeParse({ ...ids, mrz: corruptNumberCheckDigit(SPECIMENS.TD3.lines, 'TD3').join('\n') });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues.some((issue) => issue.path.join('.') === 'mrz' && issue.message.startsWith('Line 2, document number check digit'))).toBe(true);
    expect(createDocumentCheckSchema.parse({ ...ids, documentType: 'passport', issuingCountry: 'khm', documentNumber: 'n 012-3456' })).toMatchObject({ issuingCountry: 'KHM', documentNumber: 'N0123456', expiryDate: null });
  });
});

describe('document list rows', () => {
  it('accepts a valid row and ICAO type letters; names the bad column', () => {
    expect(readDocumentListRow(['khm', 'P', 'n0123456', 'stolen', 'KH passport office', '2026-03-02'])).toEqual({
      ok: true,
      row: { issuingCountry: 'KHM', documentType: 'passport', documentNumber: 'N0123456', status: 'stolen', source: 'KH passport office', reportedAt: '2026-03-02' },
    });
    expect(readDocumentListRow(['KHM', 'passport', 'N1', 'missing', 'src', ''])).toEqual({ ok: false, message: 'status: “missing” is not one of stolen_blank, lost, stolen, revoked' });
    expect(readDocumentListRow(['KHM', 'passport', 'N1', 'lost', 'src', '2026-02-30'])).toMatchObject({ ok: false, message: expect.stringMatching(/^reportedAt/) });
    expect(readDocumentListRow(['KHM', 'passport'])).toEqual({ ok: false, message: 'expected 6 columns, found 2' });
  });
});
