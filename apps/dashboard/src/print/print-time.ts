import type { AfterActionData } from '@lintas/contracts';
import { describeTimeZone } from '../ui/time-text';

/**
 * Times on the printed report, as its reader chose to see times (`timeDisplay`): in UTC, or in
 * `timeZone` (the reader's own zone, else the operation's; the printer's own zone never counts).
 * In the report's language, and always with the year: a report is read long after.
 */
export type PrintClock = Pick<AfterActionData, 'lang' | 'timeDisplay' | 'timeZone'>;

export function printZone(clock: PrintClock): string {
  return clock.timeDisplay === 'utc' ? 'UTC' : clock.timeZone;
}

/** "1 Nov 2026, 07:00" in the report's zone; "… UTC" when the reader reads UTC. */
export function printTime(iso: string, clock: PrintClock): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const text = new Intl.DateTimeFormat(clock.lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: printZone(clock) }).format(date);
  return clock.timeDisplay === 'utc' ? `${text} UTC` : text;
}

/** A calendar date (`YYYY-MM-DD`, e.g. a lesson's due date) in the report's language; it has no zone. */
export function printDate(day: string, clock: PrintClock): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(clock.lang, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** What the cover says of the report's times: "UTC", or "Asia/Phnom_Penh (GMT+7)". */
export function printZoneName(clock: PrintClock, at: Date): string {
  return clock.timeDisplay === 'utc' ? 'UTC' : describeTimeZone(clock.timeZone, at);
}
