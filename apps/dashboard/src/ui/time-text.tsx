import type { TimeDisplay } from '@lintas/contracts';
import { isTimeDisplay } from '@lintas/contracts/plain';
import { common } from '../i18n/common';
import { currentLocale } from '../i18n/translate';

export type TimeStyle = 'time' | 'datetime' | 'date';
export type { TimeDisplay };

/**
 * Times are shown in the viewer's local time or in UTC (the user's choice, `setTimeDisplay`), in
 * the page's language (`Intl.DateTimeFormat` with the current locale), with the year only when it
 * is not the current one. One setting for the whole page: both bundles use this module.
 */
export const TIME_DISPLAY_STORAGE_KEY = 'lintas.time-display';

let display: TimeDisplay = readStoredDisplay();

export function timeDisplay(): TimeDisplay {
  return display;
}

/** Switches every time on the page (after the next render) and keeps the choice on this browser. */
export function setTimeDisplay(next: TimeDisplay): void {
  display = next;
  try {
    localStorage.setItem(TIME_DISPLAY_STORAGE_KEY, next);
  } catch {
    // no storage: the choice lasts for this page only
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: TimeStyle, withYear: boolean, zone: TimeDisplay): Intl.DateTimeFormat {
  const key = `${currentLocale()}:${zone}:${style}:${withYear}`;
  let format = formatters.get(key);
  if (!format) {
    const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    const date: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) };
    const options: Intl.DateTimeFormatOptions = style === 'time' ? { ...time, second: '2-digit' } : style === 'date' ? date : { ...date, ...time };
    format = new Intl.DateTimeFormat(currentLocale(), { ...options, ...(zone === 'utc' ? { timeZone: 'UTC' } : {}) });
    formatters.set(key, format);
  }
  return format;
}

function yearOf(date: Date, zone: TimeDisplay): number {
  return zone === 'utc' ? date.getUTCFullYear() : date.getFullYear();
}

/**
 * A time as the viewer chose to see times: local, or UTC (then marked "UTC"). The year is added
 * when it is not the current one; a time of day (`time`) not of today comes with its date, so
 * yesterday's 16:58 does not read as today's. `now` is for tests.
 */
export function formatTime(iso: string | number | Date, style: TimeStyle = 'datetime', zone: TimeDisplay = display, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const shown: TimeStyle = style === 'time' && dayOf(date, zone) !== dayOf(now, zone) ? 'datetime' : style;
  const withYear = shown !== 'time' && yearOf(date, zone) !== yearOf(now, zone);
  const text = formatter(shown, withYear, zone).format(date);
  return zone === 'utc' && shown !== 'date' ? `${text} UTC` : text;
}

function dayOf(date: Date, zone: TimeDisplay): string {
  return zone === 'utc' ? date.toISOString().slice(0, 10) : `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** The same instant in UTC, ISO-like, for the hover title. */
export function formatUtc(iso: string | number | Date): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Building an `Intl.DateTimeFormat` costs far more than using one: kept by locale and options, like `formatter` (a timeline draws hundreds of times). */
function cachedFormat(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formatters.get(key);
  if (!format) {
    format = create();
    formatters.set(key, format);
  }
  return format;
}

/** The same instant in the viewer's local time with its zone, for the hover title when times show UTC. */
export function formatLocalWithZone(iso: string | number | Date): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cachedFormat(`local-long|${currentLocale()}`, () => new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'long' })).format(date);
}

/** "Asia/Phnom_Penh (GMT+7)": a time zone with its offset now, in the page's language. */
export function describeTimeZone(zone: string, at: Date = new Date()): string {
  try {
    const parts = cachedFormat(`zone|${currentLocale()}|${zone}`, () => new Intl.DateTimeFormat(currentLocale(), { timeZone: zone, timeZoneName: 'shortOffset' })).formatToParts(at);
    const offset = parts.find((part) => part.type === 'timeZoneName')?.value;
    return offset && offset !== zone ? `${zone} (${offset})` : zone;
  } catch {
    return zone;
  }
}

/** A time as the viewer chose (local or UTC), with the other one on hover. */
export function TimeText({ value, style = 'datetime' }: { value: string | number | Date | null | undefined; style?: TimeStyle }) {
  if (value === null || value === undefined) return <span>—</span>;
  const date = new Date(value);
  return (
    <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()} title={display === 'utc' ? formatLocalWithZone(date) : formatUtc(date)}>
      {formatTime(date, style)}
    </time>
  );
}

/** "3 min", "2 h", "5 d": how long ago, short, for ages of positions and last contact. */
export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return common.t('age.seconds', { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return common.t('age.minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return common.t('age.hours', { n: hours });
  return common.t('age.days', { n: Math.round(hours / 24) });
}

function readStoredDisplay(): TimeDisplay {
  try {
    const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(TIME_DISPLAY_STORAGE_KEY);
    return isTimeDisplay(value) ? value : 'local';
  } catch {
    return 'local';
  }
}
