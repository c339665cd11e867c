import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../realtime/timeline';
import { filterTimeline } from './timeline-filter';
import { DEFAULT_FILTERS } from './view-filters';

const NOW = Date.parse('2026-11-28T12:00:00Z');
const line = (seq: number, overrides: Partial<TimelineEntry>): TimelineEntry => ({
  seq,
  at: '2026-11-28T11:30:00Z',
  kind: 'report.created',
  marking: 'TLP:AMBER',
  originAgencyId: 'kh',
  subject: `line ${seq}`,
  ...overrides,
});
const entries = [
  line(1, { reportId: 'alert-1', reportKind: 'alert' }),
  line(2, { reportId: 'sitrep-1', reportKind: 'sitrep', marking: 'TLP:GREEN', originAgencyId: 'vn' }),
  line(3, { kind: 'team.status', teamId: 't1' }),
  line(4, { reportId: 'old-alert', reportKind: 'alert', at: '2026-11-20T00:00:00Z' }),
];
const onMap = new Set(['alert-1']);
const shown = (id: string) => (id === 'old-alert' ? null : onMap.has(id));
const code = (id: string) => id.toUpperCase();

describe('filterTimeline', () => {
  it('shows every line without filters', () => {
    expect(filterTimeline(entries, DEFAULT_FILTERS, shown, code, NOW)).toBe(entries);
  });

  it('with a kind filter, shows only lines about reports on the filtered map (and unknown reports of that kind)', () => {
    const seqs = filterTimeline(entries, { ...DEFAULT_FILTERS, kinds: ['alert'] }, shown, code, NOW).map((entry) => entry.seq);
    expect(seqs).toEqual([1, 4]);
  });

  it('applies the marking, agency and time window filters to every line', () => {
    const seq = (filters: Partial<typeof DEFAULT_FILTERS>) => filterTimeline(entries, { ...DEFAULT_FILTERS, ...filters }, () => true, code, NOW).map((entry) => entry.seq);
    expect(seq({ markings: ['TLP:GREEN'] })).toEqual([2]);
    expect(seq({ agencies: ['KH'] })).toEqual([1, 3, 4]);
    expect(seq({ window: '1h' })).toEqual([1, 2, 3]);
  });
});
