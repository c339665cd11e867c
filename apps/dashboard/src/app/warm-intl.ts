/**
 * The first `Intl` formatter of a page loads the browser's locale data (~30 ms; the next ones,
 * any locale, take a fraction of a millisecond). The first render builds its formatters (counts,
 * plurals, times) on the way to the first picture of the map; this builds one of each while the
 * main thread waits for the snapshot and the app's chunks instead. What it builds is thrown away:
 * the locale data stays loaded.
 */
export function warmIntlWhenIdle(): void {
  const warm = () => {
    try {
      new Intl.NumberFormat().format(1);
      new Intl.PluralRules().select(1);
      new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZoneName: 'shortOffset' }).format(0);
    } catch {
      // Only a head start: the app builds its own formatters anyway.
    }
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 1_000 });
  else setTimeout(warm, 0);
}
