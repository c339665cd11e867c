import { describe, expect, it } from 'vitest';
import { type Report, toReportSummary } from '@lintas/contracts';
import { canDecide, shownReport } from './report-detail';

const ORIGIN = { id: 'agency-origin', code: 'KH', name: 'Origin' };
const waiting = { originAgency: ORIGIN, status: 'reported' as const };
const active = { status: 'active' as const };

describe('canDecide (the verify / reject buttons)', () => {
  it('is offered to commanders and administrators of the originating agency, as the API allows', () => {
    expect(canDecide({ role: 'commander', agency: ORIGIN }, waiting, active, 'participant')).toBe(true);
    expect(canDecide({ role: 'admin', agency: ORIGIN }, waiting, active, 'lead')).toBe(true);
  });

  it('is not offered to other roles or agencies, observers, closed operations or reports already judged', () => {
    const other = { id: 'agency-other', code: 'VN', name: 'Other' };
    expect(canDecide({ role: 'field', agency: ORIGIN }, waiting, active, 'lead')).toBe(false);
    expect(canDecide({ role: 'liaison', agency: ORIGIN }, waiting, active, 'lead')).toBe(false);
    expect(canDecide({ role: 'commander', agency: other }, waiting, active, 'lead')).toBe(false);
    expect(canDecide({ role: 'commander', agency: ORIGIN }, waiting, active, 'observer')).toBe(false);
    expect(canDecide({ role: 'commander', agency: ORIGIN }, waiting, { status: 'closed' }, 'lead')).toBe(false);
    expect(canDecide({ role: 'admin', agency: ORIGIN }, { ...waiting, status: 'verified' }, active, 'lead')).toBe(false);
  });
});

describe('shownReport (the detail of a report the store may hold as a summary)', () => {
  const full: Report = {
    id: 'report-1',
    clientId: 'client-1',
    operationId: 'operation-1',
    kind: 'sitrep',
    status: 'reported',
    title: 'Checkpoint',
    narrative: 'Six persons in a minivan',
    lat: 10.5,
    lon: 105.1,
    siteId: null,
    occurredAt: '2026-11-01T00:00:00.000Z',
    receivedAt: '2026-11-01T00:01:00.000Z',
    originAgency: ORIGIN,
    teamId: null,
    authorUserId: 'user-1',
    marking: 'TLP:RED',
    recipientAgencyIds: ['agency-other'],
    interception: null,
    statusReason: null,
    statusBy: null,
    statusAt: null,
    updatedAt: '2026-11-01T00:01:00.000Z',
    version: 3,
  };
  const summary = toReportSummary(full);

  it('waits for the full report when the store holds only the summary', () => {
    expect(summary).not.toHaveProperty('narrative');
    expect(shownReport(summary, null)).toBeNull();
    expect(shownReport(summary, full)).toEqual(full);
  });

  it('takes the newer live summary over the fetched report, keeping what only the full report has', () => {
    const verified = { ...summary, status: 'verified' as const, version: 4 };
    expect(shownReport(verified, full)).toEqual({ ...full, status: 'verified', version: 4 });
    expect(shownReport(summary, { ...full, title: 'Amended', version: 5 })).toMatchObject({ title: 'Amended', version: 5 });
  });

  it('shows a full live copy at once, and the fetched one when there is no live copy', () => {
    expect(shownReport(full, null)).toBe(full);
    expect(shownReport(null, full)).toBe(full);
  });
});
