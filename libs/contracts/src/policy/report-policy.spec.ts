import { describe, expect, it } from 'vitest';
import { isAwaitingVerdict, mayAmendReport, mayDecideReport } from './report-policy';

const ORIGIN = 'agency-origin';
const report = { originAgencyId: ORIGIN, authorUserId: 'author', status: 'reported' as const };

describe('mayDecideReport', () => {
  it('lets commanders and admins of the originating agency verify or reject', () => {
    expect(mayDecideReport({ role: 'commander', agencyId: ORIGIN }, report)).toBe(true);
    expect(mayDecideReport({ role: 'admin', agencyId: ORIGIN }, report)).toBe(true);
  });

  it('refuses other agencies and other roles', () => {
    expect(mayDecideReport({ role: 'commander', agencyId: 'elsewhere' }, report)).toBe(false);
    expect(mayDecideReport({ role: 'field', agencyId: ORIGIN }, report)).toBe(false);
    expect(mayDecideReport({ role: 'liaison', agencyId: ORIGIN }, report)).toBe(false);
  });

  it('only a report still reported awaits a verdict', () => {
    expect(isAwaitingVerdict({ status: 'reported' })).toBe(true);
    expect(isAwaitingVerdict({ status: 'verified' })).toBe(false);
    expect(isAwaitingVerdict({ status: 'rejected' })).toBe(false);
  });
});

describe('mayAmendReport', () => {
  it('lets the author, whatever its role, and commanders or admins of the originating agency amend', () => {
    expect(mayAmendReport({ id: 'author', role: 'field', agencyId: ORIGIN }, report)).toBe(true);
    expect(mayAmendReport({ id: 'someone', role: 'commander', agencyId: ORIGIN }, report)).toBe(true);
    expect(mayAmendReport({ id: 'someone', role: 'admin', agencyId: ORIGIN }, report)).toBe(true);
  });

  it('refuses other field officers and commanders of other agencies', () => {
    expect(mayAmendReport({ id: 'someone', role: 'field', agencyId: ORIGIN }, report)).toBe(false);
    expect(mayAmendReport({ id: 'someone', role: 'commander', agencyId: 'elsewhere' }, report)).toBe(false);
  });
});
