/**
 * Builds one of each `Intl` formatter the first screen uses (counts, plurals, times with their
 * zone) while the page waits for the app's code and the snapshot: the first formatter of a kind
 * loads the browser's locale data (20–45 ms for a number format, ~15 ms for a date format with a
 * zone name), and the first render of the operation view paid it on the way to the first picture.
 * Later formatters, of any locale, take well under a millisecond. The translators and
 * `ui/time-text.tsx` keep their own; these are thrown away.
 */
export function warmUpIntl(locale: string = typeof navigator === 'undefined' ? 'en' : navigator.language || 'en'): void {
  try {
    new Intl.NumberFormat(locale).format(1234);
    new Intl.PluralRules(locale).select(2);
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(0);
    new Intl.DateTimeFormat(locale, { timeZoneName: 'shortOffset' }).formatToParts(0);
  } catch {
    // A locale the browser does not know: the page's own formatters fall back as they always did.
  }
}

/** When the page is idle (at most `withinMs` from now). */
export function warmUpIntlWhenIdle(withinMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmUpIntl(), { timeout: withinMs });
  else setTimeout(() => warmUpIntl(), 0);
}
