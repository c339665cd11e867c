import { describe, expect, it } from 'vitest';
import { report, team, VN } from '../../test-support/fixtures';
import { filterReports, filterTeams, isStale } from './report-filter';
import { DEFAULT_FILTERS, LAYERS, parseViewFilters, serializeViewFilters, type ViewFilters } from './view-filters';

const REPORT_ID = '0b7e4f4e-5a55-4c1a-9d4e-2f1c9a7b3c10';

describe('view filters in the URL', () => {
  it('round-trips every filter through the query string', () => {
    const filters: ViewFilters = {
      layers: ['sites', 'teams', 'alerts'],
      kinds: ['interception', 'alert'],
      statuses: ['reported'],
      agencies: ['KH-GDI', 'VN-BGC'],
      markings: ['TLP:AMBER+STRICT', 'TLP:RED'],
      window: '24h',
      report: REPORT_ID,
      team: null,
      panel: 'figures',
    };
    const query = serializeViewFilters(filters).toString();
    expect(query).toBe(
      'layers=sites%2Cteams%2Calerts&kind=interception%2Calert&status=reported&agency=KH-GDI%2CVN-BGC&marking=TLP%3AAMBER%2BSTRICT%2CTLP%3ARED&window=24h&report=0b7e4f4e-5a55-4c1a-9d4e-2f1c9a7b3c10&panel=figures',
    );
    expect(parseViewFilters(new URLSearchParams(query))).toEqual(filters);
  });

  it('writes nothing for the defaults, and reads an empty query as the defaults', () => {
    expect(serializeViewFilters(DEFAULT_FILTERS).toString()).toBe('');
    expect(parseViewFilters(new URLSearchParams(''))).toEqual(DEFAULT_FILTERS);
  });

  it('keeps "every layer off" distinct from "no layers parameter"', () => {
    const none = serializeViewFilters({ ...DEFAULT_FILTERS, layers: [] });
    expect(none.toString()).toBe('layers=');
    expect(parseViewFilters(none).layers).toEqual([]);
    expect(parseViewFilters(new URLSearchParams('')).layers).toEqual(LAYERS);
  });

  it('ignores unknown values and malformed ids rather than failing', () => {
    const parsed = parseViewFilters(new URLSearchParams('kind=alert,bogus&status=maybe&marking=TLP:PURPLE&window=3y&report=not-an-id&agency=kh gdi,VN-BGC&panel=nope'));
    expect(parsed).toMatchObject({ kinds: ['alert'], statuses: [], markings: [], window: 'all', report: null, agencies: ['VN-BGC'], panel: 'timeline' });
  });

  it('writes lists in a stable order, so equal views have equal URLs', () => {
    const a = serializeViewFilters({ ...DEFAULT_FILTERS, kinds: ['alert', 'interception'], agencies: ['VN-BGC', 'KH-GDI'] }).toString();
    const b = serializeViewFilters({ ...DEFAULT_FILTERS, kinds: ['interception', 'alert'], agencies: ['KH-GDI', 'VN-BGC'] }).toString();
    expect(a).toBe(b);
  });
});

describe('filterReports', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');
  const reports = [
    report({ id: 'a', kind: 'alert', status: 'reported', marking: 'TLP:RED', occurredAt: '2026-11-28T11:30:00Z' }),
    report({ id: 'b', kind: 'interception', status: 'verified', marking: 'TLP:AMBER', occurredAt: '2026-11-28T02:00:00Z', originAgency: VN }),
    report({ id: 'c', kind: 'sitrep', status: 'rejected', marking: 'TLP:GREEN', occurredAt: '2026-11-20T00:00:00Z' }),
  ];
  const ids = (filters: Partial<ViewFilters>) => filterReports(reports, { ...DEFAULT_FILTERS, ...filters }, now).map((r) => r.id);

  it('lets everything through with no filter', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
  });

  it('filters by kind, status, marking, origin agency and time window', () => {
    expect(ids({ kinds: ['alert', 'sitrep'] })).toEqual(['a', 'c']);
    expect(ids({ statuses: ['verified'] })).toEqual(['b']);
    expect(ids({ markings: ['TLP:RED', 'TLP:GREEN'] })).toEqual(['a', 'c']);
    expect(ids({ agencies: ['VN-BGC'] })).toEqual(['b']);
    expect(ids({ window: '1h' })).toEqual(['a']);
    expect(ids({ window: '24h' })).toEqual(['a', 'b']);
    expect(ids({ window: '24h', kinds: ['sitrep'] })).toEqual([]);
  });

  it('filters teams by agency and marking', () => {
    const teams = [team({ id: 't1', callSign: 'B', marking: 'TLP:GREEN' }), team({ id: 't2', callSign: 'A', agency: VN, marking: 'TLP:AMBER' })];
    expect(filterTeams(teams, DEFAULT_FILTERS).map((t) => t.id)).toEqual(['t2', 't1']);
    expect(filterTeams(teams, { ...DEFAULT_FILTERS, agencies: ['VN-BGC'] }).map((t) => t.id)).toEqual(['t2']);
    expect(filterTeams(teams, { ...DEFAULT_FILTERS, markings: ['TLP:GREEN'] }).map((t) => t.id)).toEqual(['t1']);
  });

  it('calls a team stale when its last position is older than the configured age, or missing', () => {
    const at = (iso: string) => team({ lastPosition: { teamId: 'x', lat: 0, lon: 0, heading: null, speed: null, accuracy: null, at: iso } });
    expect(isStale(at('2026-11-28T11:56:00Z'), now, 300)).toBe(false);
    expect(isStale(at('2026-11-28T11:54:00Z'), now, 300)).toBe(true);
    expect(isStale(team({ lastPosition: null }), now, 300)).toBe(true);
  });
});
