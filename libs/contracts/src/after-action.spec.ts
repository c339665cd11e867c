import { describe, expect, it } from 'vitest';
import { afterActionFigures, afterActionMarking, afterActionTimeline } from './after-action';
import type { OperationEvent } from './events';
import type { Report } from './reports';
import type { Team } from './teams';

const report = (fields: Partial<Report>): Report =>
  ({
    id: fields.id ?? 'r',
    kind: 'sitrep',
    status: 'reported',
    title: 'A report',
    occurredAt: '2026-11-28T08:00:00.000Z',
    receivedAt: '2026-11-28T08:04:00.000Z',
    statusAt: null,
    teamId: null,
    interception: null,
    marking: 'TLP:GREEN',
    ...fields,
  }) as Report;

describe('afterActionFigures', () => {
  it('counts interceptions, persons, nationalities, verdicts and medians from the reports given', () => {
    const reports = [
      report({ id: 'a', kind: 'interception', teamId: 't1', status: 'verified', statusAt: '2026-11-28T08:24:00.000Z', interception: { interceptionKind: 'smuggling', persons: 11, suspects: 1, presumedVictims: 2, minors: 3, nationalities: ['KH', 'MM'], documentsSeized: 0 } }),
      report({ id: 'b', kind: 'interception', teamId: 't1', receivedAt: '2026-11-28T08:10:00.000Z', interception: { interceptionKind: 'fraudulent_documents', persons: 2, suspects: 2, presumedVictims: 0, minors: 0, nationalities: ['KH'], documentsSeized: 14 } }),
      report({ id: 'c', kind: 'alert', status: 'rejected', statusAt: '2026-11-28T08:14:00.000Z' }),
    ];
    const teams = [{ id: 't1', callSign: 'BAVET 1', agency: { id: 'a1', code: 'KH-GDI', name: '' } }] as Team[];
    const figures = afterActionFigures(reports, teams, new Map([['t1', 42]]));
    expect(figures).toMatchObject({
      interceptions: 2,
      persons: { total: 13, minors: 3, presumedVictims: 2, suspects: 3 },
      nationalities: [
        { code: 'KH', interceptions: 2 },
        { code: 'MM', interceptions: 1 },
      ],
      documents: { seized: 14, alerts: 1, checked: 0, potentialHits: 0, confirmedHits: 0 },
      reportsByKind: [
        { kind: 'alert', count: 1 },
        { kind: 'interception', count: 2 },
      ],
      verified: 1,
      rejected: 1,
      medianMinutesToReport: 4,
      medianMinutesToVerdict: 15,
      teams: [{ teamId: 't1', callSign: 'BAVET 1', agencyCode: 'KH-GDI', reports: 2, positions: 42 }],
    });
  });

  it('has no medians without reports', () => {
    expect(afterActionFigures([], [], new Map())).toMatchObject({ medianMinutesToReport: null, medianMinutesToVerdict: null, interceptions: 0 });
  });
});

describe('afterActionMarking', () => {
  it('is the most restrictive marking of the contents, TLP:CLEAR when empty', () => {
    expect(afterActionMarking([{ marking: 'TLP:GREEN' }, { marking: 'TLP:AMBER+STRICT' }, { marking: 'TLP:AMBER' }])).toBe('TLP:AMBER+STRICT');
    expect(afterActionMarking([])).toBe('TLP:CLEAR');
  });
});

describe('afterActionTimeline', () => {
  it('keeps interceptions, alerts, verdicts and status changes, in order', () => {
    const base = { operationId: 'o', actor: null, marking: 'TLP:GREEN' as const, originAgencyId: 'a', recipientAgencyIds: [] as string[] };
    const events = [
      { ...base, seq: 1, at: '2026-11-28T08:00:00.000Z', type: 'report.created', report: report({ id: 'x', kind: 'interception', title: 'Minivan' }) },
      { ...base, seq: 2, at: '2026-11-28T08:01:00.000Z', type: 'report.created', report: report({ id: 'y', kind: 'sitrep', title: 'Quiet' }) },
      { ...base, seq: 3, at: '2026-11-28T08:02:00.000Z', type: 'report.updated', report: report({ id: 'x', kind: 'interception', title: 'Minivan', status: 'verified', statusAt: '2026-11-28T08:02:00.000Z' }) },
    ] as OperationEvent[];
    const lines = afterActionTimeline(events, [{ seq: 3, at: events[2].at, kind: 'verdict' }]);
    expect(lines.map((line) => [line.seq, line.kind, line.subject, line.status])).toEqual([
      [1, 'interception', 'Minivan', null],
      [3, 'verdict', 'Minivan', 'verified'],
    ]);
  });
});
