import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n/translate';
import { describeTimeZone, formatTime } from './time-text';

describe('times as the viewer chose them', () => {
  afterEach(() => setLocale('en'));
  const now = new Date('2026-12-01T12:00:00Z');

  it('adds the year only when it is not the current one', () => {
    expect(formatTime('2026-11-28T03:04:05Z', 'date', 'utc', now)).toBe('Nov 28');
    expect(formatTime('2025-11-28T03:04:05Z', 'date', 'utc', now)).toBe('Nov 28, 2025');
    expect(formatTime('2025-11-28T03:04:05Z', 'datetime', 'utc', now)).toBe('Nov 28, 2025, 03:04 UTC');
    // the year of the zone shown: 31 Dec 2025 23:30 UTC is already 2026 in Phnom Penh, not in UTC
    expect(formatTime('2025-12-31T23:30:00Z', 'date', 'utc', now)).toBe('Dec 31, 2025');
  });

  it('marks UTC, and shows a time of today without a date, of another day with it', () => {
    expect(formatTime('2026-12-01T03:04:05Z', 'time', 'utc', now)).toBe('03:04:05 UTC');
    expect(formatTime('2026-11-30T23:04:05Z', 'time', 'utc', now)).toBe('Nov 30, 23:04 UTC');
    expect(formatTime('2025-12-01T03:04:05Z', 'time', 'utc', now)).toBe('Dec 1, 2025, 03:04 UTC');
    expect(formatTime('2026-11-28T03:04:05Z', 'datetime', 'utc', now)).toBe('Nov 28, 03:04 UTC');
    expect(formatTime('not a time', 'datetime', 'utc', now)).toBe('—');
  });

  it("writes dates in the page's language", () => {
    setLocale('th');
    expect(formatTime('2025-11-28T03:04:05Z', 'date', 'utc', now)).toBe('28 พ.ย. 2568'); // Thai Buddhist-era year
    setLocale('vi');
    expect(formatTime('2026-11-28T03:04:05Z', 'date', 'utc', now)).toMatch(/^28 thg 11$/);
  });

  it("names an operation's time zone with its offset", () => {
    expect(describeTimeZone('Asia/Phnom_Penh', now)).toBe('Asia/Phnom_Penh (GMT+7)');
    expect(describeTimeZone('UTC', now)).toMatch(/^UTC/);
    expect(describeTimeZone('Not/AZone', now)).toBe('Not/AZone');
  });
});
