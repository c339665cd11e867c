import { describe, expect, it } from 'vitest';
import { mayImportDocumentList, mayRecordCheckOutcome } from './document-check-policy';

describe('document check policy', () => {
  const check = { checkingAgencyId: 'checking', leadAgencyId: 'lead' };
  it('outcomes: commanders and admins of the checking or the lead agency only', () => {
    expect(mayRecordCheckOutcome({ role: 'commander', agencyId: 'checking' }, check)).toBe(true);
    expect(mayRecordCheckOutcome({ role: 'commander', agencyId: 'lead' }, check)).toBe(true);
    expect(mayRecordCheckOutcome({ role: 'admin', agencyId: 'lead' }, check)).toBe(true);
    expect(mayRecordCheckOutcome({ role: 'commander', agencyId: 'participant' }, check)).toBe(false);
    expect(mayRecordCheckOutcome({ role: 'field', agencyId: 'checking' }, check)).toBe(false);
    expect(mayRecordCheckOutcome({ role: 'liaison', agencyId: 'lead' }, check)).toBe(false);
  });
  it('list imports: any administrator, or a commander of the list’s agency', () => {
    expect(mayImportDocumentList({ role: 'admin', agencyId: 'other' }, 'kh')).toBe(true);
    expect(mayImportDocumentList({ role: 'commander', agencyId: 'kh' }, 'kh')).toBe(true);
    expect(mayImportDocumentList({ role: 'commander', agencyId: 'other' }, 'kh')).toBe(false);
    expect(mayImportDocumentList({ role: 'field', agencyId: 'kh' }, 'kh')).toBe(false);
  });
});
