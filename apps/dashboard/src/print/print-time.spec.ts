import { describe, expect, it } from 'vitest';
import { printDate, printTime, printZoneName } from './print-time';

describe('times on the printed report', () => {
  const at = '2026-11-01T00:00:00Z';

  it('are in UTC, marked so, when the reader reads UTC', () => {
    expect(printTime(at, { lang: 'en', timeDisplay: 'utc', timeZone: 'Asia/Phnom_Penh' })).toBe('Nov 1, 2026, 00:00 UTC');
    expect(printZoneName({ lang: 'en', timeDisplay: 'utc', timeZone: 'Asia/Phnom_Penh' }, new Date(at))).toBe('UTC');
  });

  it('are in the reader’s zone otherwise, never the printer’s, in the report’s language (Thai: Buddhist era)', () => {
    expect(printTime(at, { lang: 'th', timeDisplay: 'local', timeZone: 'Asia/Bangkok' })).toBe('1 พ.ย. 2569 07:00');
    expect(printTime(at, { lang: 'vi', timeDisplay: 'local', timeZone: 'Asia/Ho_Chi_Minh' })).toContain('07:00');
    expect(printZoneName({ lang: 'en', timeDisplay: 'local', timeZone: 'Asia/Phnom_Penh' }, new Date(at))).toBe('Asia/Phnom_Penh (GMT+7)');
  });

  it('write a lesson’s due date as a date of the calendar, whatever the zone', () => {
    expect(printDate('2027-01-15', { lang: 'en', timeDisplay: 'local', timeZone: 'Pacific/Honolulu' })).toBe('Jan 15, 2027');
    expect(printDate('not a date', { lang: 'en', timeDisplay: 'utc', timeZone: 'UTC' })).toBe('not a date');
  });
});
