import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signInContext, type RunningLintas } from '../support';
import { startLoadProfile, stopLoadProfile } from './load-profile';
import { LOAD_TRACE_CATEGORIES, summariseLoadTrace } from './load-trace';

/** One first load of the operation view, as the dashboard benchmark measures it. */
export interface LoadFigures {
  /** From navigation start until the operation's data and the country outlines are drawn. */
  drawnMs: number;
  dataDrawnMs: number;
  js: { files: number; transferred: number; decoded: number };
  /**
   * The snapshot request, from navigation start: asked for, on the wire (after any wait for a
   * connection), its first byte back (the API's work and the network) and its last byte.
   */
  snapshot: { startMs: number; requestMs: number; firstByteMs: number; endMs: number; bytes: number };
  reportsInStore: number;
}

/**
 * A plain full-HD context signed in as the commander (the refresh cookie in the jar, the access
 * token fetched on load, as the page would be), recording the main thread's long tasks in
 * `window.__longTasks`. Plain, not an e2e context: those route every request through the test
 * process (to refuse off-machine ones), which would add its own delay to everything measured.
 */
export async function commanderContext(browser: Browser, lintas: RunningLintas): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await signInContext(context, lintas.baseUrl, 'commander@kh-gdi.demo', lintas.demoPassword);
  await context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  return context;
}

/** Loads `url` and measures it until the operation and the outlines in view are drawn. */
export async function measureLoad(page: Page, url: string, withVectorTiles = true): Promise<LoadFigures> {
  // BENCH_PROFILE_LOAD=file.cpuprofile: the JavaScript profiler over the load with the vector basemap (see load-profile.ts).
  const profileFile = withVectorTiles ? process.env.BENCH_PROFILE_LOAD : undefined;
  const profiler = profileFile ? await startLoadProfile(page) : null;
  // BENCH_TRACE_LOAD=file.json: a Chromium trace of the same load, its main thread summarised by kind of work (load-trace.ts).
  const traceFile = withVectorTiles ? process.env.BENCH_TRACE_LOAD : undefined;
  const browser = page.context().browser();
  if (traceFile && browser) await browser.startTracing(page, { path: traceFile, categories: LOAD_TRACE_CATEGORIES });
  await page.goto(url);
  const drawnMs = await page.waitForFunction(
    (vectorTilesWanted) => {
      const view = document.querySelector('[data-testid="operation-view"][data-drawn="true"]');
      const basemap = document.querySelector('[data-testid="map"][data-basemap="ready"]');
      // The outlines of every country in view (the others follow in short slices: `data-outlines="all"`, logged below).
      // (A build from before 2026-12-02 draws them all at once and has no such attribute: more than 10 outlines then.)
      const state = basemap?.getAttribute('data-outlines');
      const outlines = state === 'in-view' || state === 'all' || (!state && document.querySelectorAll('path.country-outline').length > 10);
      const vectorTiles = document.querySelectorAll('canvas.leaflet-tile-loaded').length;
      return view && basemap && outlines && (!vectorTilesWanted || vectorTiles > 0) ? performance.now() : false;
    },
    withVectorTiles,
    { polling: 'raf', timeout: 60_000 },
  );
  if (profiler && profileFile) await stopLoadProfile(profiler, profileFile);
  if (traceFile && browser) console.log(`[bench] load trace written to ${traceFile}\n${summariseLoadTrace(await browser.stopTracing())}`);
  const allOutlinesMs = await page.waitForFunction(() => (document.querySelector('[data-testid="map"][data-outlines="all"], [data-testid="map"]:not([data-outlines])') ? performance.now() : false), undefined, { polling: 'raf', timeout: 60_000 });
  console.log(`[bench] every country outline drawn at ${Math.round((await allOutlinesMs.jsonValue()) as number)} ms (the ones out of view after the first picture)`);
  const measured = await page.evaluate(() => {
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) => new URL(entry.name).pathname.endsWith('.js'));
    const mark = performance.getEntriesByName('lintas:map-drawn')[0];
    const snapshot = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) => entry.name.includes('/snapshot'));
    return {
      dataDrawnMs: mark ? mark.startTime : NaN,
      snapshot: {
        startMs: snapshot?.startTime ?? NaN,
        requestMs: snapshot?.requestStart ?? NaN,
        firstByteMs: snapshot?.responseStart ?? NaN,
        endMs: snapshot?.responseEnd ?? NaN,
        bytes: snapshot?.decodedBodySize ?? NaN,
      },
      scripts: scripts.map((entry) => ({ path: new URL(entry.name).pathname, transferred: entry.transferSize, decoded: entry.decodedBodySize })),
      reportsInStore: Number(document.querySelector('[data-testid="operation-view"]')?.getAttribute('data-reports')),
      // Every request of the load, in the order it started: what waited on what before the first picture.
      waterfall: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((entry) => {
        const url = new URL(entry.name);
        return { path: url.pathname + url.search, start: entry.startTime, requestStart: entry.requestStart, end: entry.responseEnd, bytes: entry.transferSize };
      }),
      navigation: (() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { htmlEnd: nav.responseEnd, domInteractive: nav.domInteractive };
      })(),
      marks: performance.getEntriesByType('mark').map((mark) => ({ name: mark.name, at: mark.startTime })),
    };
  });
  const ms = (value: number) => `${Math.round(value)}`.padStart(5);
  console.log(
    [
      `[bench] drawn at ${ms((await drawnMs.jsonValue()) as number)} ms (vector tiles ${withVectorTiles ? 'wanted' : 'off'}); waterfall (ms from navigation start): html ${ms(measured.navigation.htmlEnd)}, DOM interactive ${ms(measured.navigation.domInteractive)}`,
      ...measured.waterfall.map((entry) => `  ${ms(entry.start)} → ${ms(entry.end)}  ${(entry.bytes / 1024).toFixed(0).padStart(5)} kB  ${entry.path.slice(0, 100)}`),
      ...measured.marks.map((mark) => `  mark ${ms(mark.at)}  ${mark.name}`),
    ].join('\n'),
  );
  return {
    drawnMs: (await drawnMs.jsonValue()) as number,
    dataDrawnMs: measured.dataDrawnMs,
    js: {
      files: measured.scripts.length,
      transferred: measured.scripts.reduce((sum, script) => sum + script.transferred, 0),
      decoded: measured.scripts.reduce((sum, script) => sum + script.decoded, 0),
    },
    snapshot: measured.snapshot,
    reportsInStore: measured.reportsInStore,
  };
}
