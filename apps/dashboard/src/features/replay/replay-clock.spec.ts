import { describe, expect, it } from 'vitest';
import { advance, markOffset, nextMark, previousMark, replayPeriod } from './replay-clock';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-28T12:00:00Z');

describe('replay clock', () => {
  it('spans an open operation from its start to now, a closed one to its end', () => {
    const open = { startsAt: '2026-11-28T00:00:00Z', endsAt: '2026-12-10T00:00:00Z', createdAt: '2026-11-27T00:00:00Z', status: 'active' as const };
    expect(replayPeriod(open, NOW)).toEqual({ start: Date.parse('2026-11-27T00:00:00Z'), end: NOW });
    expect(replayPeriod({ ...open, status: 'closed', endsAt: '2026-11-28T06:00:00Z' }, NOW).end).toBe(Date.parse('2026-11-28T06:00:00Z'));
    // At most seven days back.
    expect(replayPeriod({ ...open, startsAt: '2026-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z' }, NOW).start).toBe(NOW - 7 * 24 * HOUR);
  });

  it('plays by clock time and stops at the end', () => {
    const period = { start: NOW - HOUR, end: NOW };
    expect(advance(NOW - HOUR, 600, 1000, period)).toBe(NOW - HOUR + 600_000);
    expect(advance(NOW - 1000, 600, 1000, period)).toBe(NOW);
  });

  it('jumps to the next and the previous event', () => {
    const marks = [10, 20, 30].map((minute, index) => ({ seq: index + 1, kind: 'alert' as const, at: new Date(NOW - HOUR + minute * 60_000).toISOString() }));
    expect(nextMark(marks, NOW - HOUR + 20 * 60_000)?.seq).toBe(3);
    expect(previousMark(marks, NOW - HOUR + 20 * 60_000)?.seq).toBe(1);
    expect(nextMark(marks, NOW)).toBeNull();
    expect(markOffset(marks[1].at, { start: NOW - HOUR, end: NOW })).toBeCloseTo(33.33, 1);
  });
});
