import { describe, expect, it } from 'vitest';
import { exportQueryOf } from './export-query';
import { DEFAULT_FILTERS } from './view-filters';

describe('exportQueryOf', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('asks for everything when the scope is everything, whatever the filters', () => {
    expect(exportQueryOf('kml', 'everything', { ...DEFAULT_FILTERS, kinds: ['alert'], window: '1h' }, now)).toEqual({ format: 'kml' });
  });

  it('carries the map filters: layers switched off, kinds, statuses, markings, agencies, the window as `from`', () => {
    const query = exportQueryOf(
      'geojson',
      'filtered',
      { ...DEFAULT_FILTERS, layers: ['teams', 'reports'], kinds: ['interception'], statuses: ['verified'], markings: ['TLP:GREEN'], agencies: ['KH-GDI'], window: '6h' },
      now,
    );
    expect(query).toEqual({
      format: 'geojson',
      layers: 'teams,reports',
      kind: 'interception',
      status: 'verified',
      marking: 'TLP:GREEN',
      agency: 'KH-GDI',
      from: '2026-12-01T06:00:00.000Z',
    });
  });

  it('leaves out what is not filtered', () => {
    expect(exportQueryOf('csv', 'filtered', DEFAULT_FILTERS, now)).toEqual({ format: 'csv' });
  });
});
