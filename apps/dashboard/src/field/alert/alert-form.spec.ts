import { describe, expect, it } from 'vitest';
import { bestPosition, buildAlert } from './alert-form';

const base = {
  teamId: '33333333-3333-4333-8333-333333333333',
  callSign: 'KH-BAVET-1',
  marking: 'TLP:AMBER' as const,
  clientId: '44444444-4444-4444-8444-444444444444',
  siteId: null,
  now: new Date('2026-11-28T08:00:00Z'),
};

describe('buildAlert', () => {
  it('makes an alert report titled by its kind and the call sign, with the position', () => {
    const built = buildAlert({ ...base, kind: 'backup_needed', note: '  two suspects running  ', position: { lat: 11.07, lon: 106.12 } });
    expect(built).toEqual({
      ok: true,
      report: expect.objectContaining({
        kind: 'alert',
        title: 'Backup needed: KH-BAVET-1',
        narrative: 'two suspects running',
        lat: 11.07,
        lon: 106.12,
        teamId: base.teamId,
        marking: 'TLP:AMBER',
        occurredAt: '2026-11-28T08:00:00.000Z',
        interception: null,
      }),
    });
  });

  it('sends without a position when none is known', () => {
    const built = buildAlert({ ...base, kind: 'other', note: '', position: null });
    expect(built.ok && [built.report.lat, built.report.lon, built.report.title]).toEqual([null, null, 'Alert: KH-BAVET-1']);
  });
});

describe('bestPosition', () => {
  it('takes the GPS fix, else the last known position, else none', async () => {
    expect(await bestPosition(async () => ({ lat: 1, lon: 2 }), [{ lat: 3, lon: 4 }])).toEqual({ position: { lat: 1, lon: 2 }, source: 'gps' });
    const noFix = async () => {
      throw new Error('timeout');
    };
    expect(await bestPosition(noFix, [null, { lat: 3, lon: 4 }])).toEqual({ position: { lat: 3, lon: 4 }, source: 'last' });
    expect(await bestPosition(noFix, [null, undefined])).toEqual({ position: null, source: 'none' });
  });
});
