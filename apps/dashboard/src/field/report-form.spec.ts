import type { Site } from '@lintas/contracts';
import { describe, expect, it } from 'vitest';
import { buildReport, emptyForm, formFromReport, minimalReport, type ReportFormValues } from './report-form';

const CLIENT_ID = '6f1c2b9e-3d4a-4f5b-8c7d-9e0a1b2c3d4e';
const TEAM_ID = '2d9b7c1a-5e4f-4a3b-9c8d-7e6f5a4b3c2d';
const BAVET: Site = { id: '0b7e4a52-1c1d-4f7e-9f5a-3c2b1a0d9e8f', code: 'kh-bavet', name: 'Bavet', kind: 'land', country: 'KH', counterpart: 'VN', lat: 11.07, lon: 106.13, retired: false };
const context = { clientId: CLIENT_ID, teamId: TEAM_ID, sites: [BAVET], callSign: 'BAVET-1' };

function interception(patch: Partial<ReportFormValues> = {}): ReportFormValues {
  const values = emptyForm('interception', { kind: 'site', siteId: BAVET.id }, new Date('2026-11-28T08:00:00Z'));
  return { ...values, interceptionKind: 'smuggling', counts: { ...values.counts, persons: '14', suspects: '2', minors: '3' }, nationalities: ['KH'], ...patch };
}

describe('buildReport', () => {
  it('turns a filled interception form into a report the contracts accept, placed at the site', () => {
    const result = buildReport(interception({ otherNationalities: 'cn, bd' }), context);
    expect(result).toEqual({
      ok: true,
      report: expect.objectContaining({
        clientId: CLIENT_ID,
        kind: 'interception',
        title: 'Smuggling: 14 persons at Bavet',
        siteId: BAVET.id,
        lat: 11.07,
        lon: 106.13,
        teamId: TEAM_ID,
        marking: 'TLP:AMBER',
        occurredAt: '2026-11-28T08:00:00.000Z',
        interception: { interceptionKind: 'smuggling', persons: 14, suspects: 2, presumedVictims: 0, minors: 3, documentsSeized: 0, nationalities: ['KH', 'CN', 'BD'] },
      }),
    });
  });

  it('names each field the officer must fix, in words an officer understands', () => {
    const values = interception({ interceptionKind: '', otherNationalities: 'Cambodia' });
    values.counts = { ...values.counts, persons: '2', minors: '5', suspects: 'two' };
    const result = buildReport(values, context);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual({
      interceptionKind: 'Choose what was intercepted',
      suspects: 'Enter a whole number',
      nationalities: 'must be two-letter country codes, e.g. KH',
    });
  });

  it('checks counts against each other once they are numbers (minors cannot exceed persons)', () => {
    const values = interception();
    values.counts = { ...values.counts, persons: '2', minors: '5' };
    const result = buildReport(values, context);
    expect(!result.ok && result.errors).toEqual({ minors: 'minors cannot exceed persons' });
  });

  it('refuses a time in the future and a missing number of persons', () => {
    const values = interception({ occurredAt: '2099-01-01T10:00' });
    values.counts = { ...values.counts, persons: '' };
    const result = buildReport(values, context);
    expect(!result.ok && result.errors).toEqual({ occurredAt: 'must not be in the future', persons: 'Enter the number of persons (0 if none)' });
  });

  it('builds a sitrep with no place and a default title', () => {
    const result = buildReport({ ...emptyForm('sitrep', { kind: 'none' }, new Date('2026-11-28T08:00:00Z')), narrative: 'Quiet night.' }, context);
    expect(result).toMatchObject({ ok: true, report: { kind: 'sitrep', title: 'Sitrep BAVET-1', lat: null, lon: null, siteId: null, interception: null, narrative: 'Quiet night.' } });
  });
});

describe('minimalReport', () => {
  it('leaves out what the server fills in by default', () => {
    const result = buildReport({ ...emptyForm('sitrep', { kind: 'none' }, new Date('2026-11-28T08:00:00Z')), title: 'Quiet' }, context);
    if (!result.ok) throw new Error('expected a valid sitrep');
    expect(minimalReport(result.report)).toEqual({
      clientId: CLIENT_ID,
      kind: 'sitrep',
      title: 'Quiet',
      occurredAt: '2026-11-28T08:00:00.000Z',
      teamId: TEAM_ID,
      marking: 'TLP:AMBER',
    });
  });

  it('keeps persons even when zero, and drops zero counts', () => {
    const values = interception();
    values.counts = { persons: '0', suspects: '0', presumedVictims: '0', minors: '0', documentsSeized: '4' };
    const result = buildReport({ ...values, interceptionKind: 'fraudulent_documents', nationalities: [] }, context);
    if (!result.ok) throw new Error('expected a valid interception');
    expect(minimalReport(result.report).interception).toEqual({ interceptionKind: 'fraudulent_documents', persons: 0, documentsSeized: 4 });
  });
});

describe('formFromReport', () => {
  it('gives back the values of a stored report, to edit it', () => {
    const built = buildReport(interception({ title: 'Boat at Bavet', narrative: 'Long-tail boat' }), context);
    if (!built.ok) throw new Error('expected a valid interception');
    const values = formFromReport(built.report);
    expect(values).toMatchObject({
      kind: 'interception',
      interceptionKind: 'smuggling',
      place: { kind: 'site', siteId: BAVET.id },
      counts: { persons: '14', suspects: '2', presumedVictims: '0', minors: '3', documentsSeized: '0' },
      nationalities: ['KH'],
      narrative: 'Long-tail boat',
      title: 'Boat at Bavet',
    });
    expect(buildReport(values, context)).toEqual(built);
  });
});
