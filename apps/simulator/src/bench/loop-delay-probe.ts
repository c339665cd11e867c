/**
 * Preloaded into the API process by the bench (`node --require …/loop-delay-probe.js`) with
 * `--diagnose`: an event-loop delay histogram (perf_hooks, 10 ms resolution) that the bench resets
 * and reads with SIGUSR2 — each signal writes the percentiles since the previous one to
 * `LINTAS_LOOP_PROBE_FILE` as JSON (with the garbage-collection pauses seen meanwhile), then starts
 * over. Nothing of the API is changed.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.LINTAS_LOOP_PROBE_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // Garbage-collection pauses, to tell a collector's stop from other stalls of the loop.
  let gc = { count: 0, major: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  process.on('SIGUSR2', () => {
    // Written aside and renamed: the bench never reads half a file.
    writeFileSync(
      `${file}.part`,
      JSON.stringify({
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        mean: ms(histogram.mean),
        count: histogram.count,
        gc: { count: gc.count, major: gc.major, totalMs: Math.round(gc.totalMs), maxMs: Math.round(gc.maxMs * 10) / 10 },
      }),
    );
    renameSync(`${file}.part`, file);
    histogram.reset();
    gc = { count: 0, major: 0, totalMs: 0, maxMs: 0 };
  });
}
