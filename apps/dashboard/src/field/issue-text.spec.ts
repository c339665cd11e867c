import { createReportSchema, td3Specimen } from '@lintas/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFieldCatalogue } from '../i18n/field-i18n';
import { catalogue as khmer } from '../i18n/locales/km/field';
import { catalogue as thai } from '../i18n/locales/th/field';
import { setLocale } from '../i18n/translate';
import { buildAlert } from './alert/alert-form';
import { buildDocumentCheck } from './document-check/document-check-form';
import { issueText, serverIssueText } from './issue-text';
import { buildReport, emptyForm } from './report-form';

/** The field forms' validation messages come in the page's language, never in the schemas' English. */
describe('validation messages on a Thai field page', () => {
  beforeAll(() => {
    registerFieldCatalogue('th', thai);
    registerFieldCatalogue('km', khmer);
    setLocale('th');
  });
  afterAll(() => setLocale('en'));

  it('names the line and the field of a wrong MRZ check digit', () => {
    const lines = td3Specimen({ country: 'KHM', number: 'N0000001' });
    const digit = lines[1].charAt(9);
    const corrupted = [lines[0], `${lines[1].slice(0, 9)}${(Number(digit) + 1) % 10}${lines[1].slice(10)}`];
    const built = buildDocumentCheck({ mode: 'mrz', mrz: corrupted.join('\n') });
    expect(!built.ok && built.problems).toContain('บรรทัดที่ 2, เลขตรวจสอบของเลขที่เอกสาร: ไม่ถูกต้อง');
  });

  it('says a line is too short, with its length and the format’s name in Thai', () => {
    const lines = td3Specimen({ country: 'KHM', number: 'N0000001' });
    const built = buildDocumentCheck({ mode: 'mrz', mrz: `${lines[0]}\n${lines[1].slice(0, 40)}` });
    expect(built).toEqual({ ok: false, problems: ['บรรทัดที่ 2 มี 40 ตัวอักษร แต่บรรทัดของหนังสือเดินทาง (TD3)มี 44 ตัว'] });
  });

  it('names typed fields and their problems in Thai', () => {
    const built = buildDocumentCheck({ mode: 'fields', documentType: 'passport', issuingCountry: 'K1', documentNumber: '', expiryDate: 'soon' });
    expect(!built.ok && built.problems).toEqual([
      'ประเทศที่ออกเอกสาร (รหัส ICAO): ต้องเป็นรหัสประเทศผู้ออกเอกสารตาม ICAO เช่น THA, KHM หรือ D',
      'เลขที่เอกสาร: ต้องเป็นตัวอักษรและตัวเลข 1–20 ตัว',
      'วันหมดอายุ: ต้องเป็นวันที่',
    ]);
  });

  it('translates a report form’s cross-field rule and an alert note that is too long, with the figure', () => {
    const values = emptyForm('interception', { kind: 'none' }, new Date('2026-11-28T08:00:00Z'));
    values.interceptionKind = 'smuggling';
    values.counts = { ...values.counts, persons: '2', minors: '5' };
    const report = buildReport(values, { clientId: '44444444-4444-4444-8444-444444444444', teamId: '33333333-3333-4333-8333-333333333333', sites: [], callSign: 'KH-1' });
    expect(!report.ok && report.errors).toEqual({ minors: 'จำนวนผู้เยาว์ต้องไม่เกินจำนวนบุคคล' });

    const alert = buildAlert({ kind: 'other', note: 'x'.repeat(10_001), position: null, siteId: null, teamId: '33333333-3333-4333-8333-333333333333', callSign: 'KH-1', marking: 'TLP:AMBER', clientId: '44444444-4444-4444-8444-444444444444' });
    expect(alert).toEqual({ ok: false, message: 'รายละเอียด: ต้องมีไม่เกิน 10,000 ตัวอักษร' });
  });

  it('translates what the server refused when its message is one of the contracts’ own, and keeps any other', () => {
    expect(serverIssueText({ path: 'interception.minors', message: 'minors cannot exceed persons' })).toBe('ผู้เยาว์: จำนวนผู้เยาว์ต้องไม่เกินจำนวนบุคคล');
    expect(serverIssueText({ path: 'teamId', message: 'team is not in this operation' })).toBe('teamId: team is not in this operation');
  });

  it('follows the page into Khmer', () => {
    setLocale('km');
    const issue = createReportSchema.safeParse({ clientId: 'not-a-uuid' }).error!.issues.find((candidate) => candidate.path[0] === 'title')!;
    expect(issueText(issue)).toBe('ត្រូវតែបំពេញ');
    setLocale('th');
  });
});
