import { common } from '../i18n/common';
import { currentLocale } from '../i18n/translate';

export type TimeStyle = 'time' | 'datetime' | 'date';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: TimeStyle): Intl.DateTimeFormat {
  const key = `${currentLocale()}:${style}`;
  let format = formatters.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'time'
        ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }
        : style === 'date'
          ? { day: 'numeric', month: 'short' }
          : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    format = new Intl.DateTimeFormat(currentLocale(), options);
    formatters.set(key, format);
  }
  return format;
}

/** The viewer's local time. */
export function formatLocal(iso: string | number | Date, style: TimeStyle = 'datetime'): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : formatter(style).format(date);
}

/** The same instant in UTC, ISO-like, for the hover title. */
export function formatUtc(iso: string | number | Date): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A time in the viewer's local time, with UTC on hover. */
export function TimeText({ value, style = 'datetime' }: { value: string | number | Date | null | undefined; style?: TimeStyle }) {
  if (value === null || value === undefined) return <span>—</span>;
  const date = new Date(value);
  return (
    <time dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()} title={formatUtc(date)}>
      {formatLocal(date, style)}
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
