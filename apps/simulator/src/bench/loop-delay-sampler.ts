import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { LoopDelay } from './diagnosis';

/**
 * This process's event-loop delay (perf_hooks, 10 ms resolution) and garbage-collection pauses
 * since the last `take()`: used by the API's preloaded probe and by the bench for its own loop, so
 * that a stall seen by the client can be placed on one side or the other.
 */
export function startLoopDelaySampler(): { take(): LoopDelay; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let gc = { count: 0, major: 0, totalMs: 0, maxMs: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++;
      if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major++;
      gc.totalMs += entry.duration;
      gc.maxMs = Math.max(gc.maxMs, entry.duration);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  return {
    take() {
      const taken: LoopDelay = {
        p50: ms(histogram.percentile(50)),
        p99: ms(histogram.percentile(99)),
        max: ms(histogram.max),
        mean: ms(histogram.mean),
        gc: { count: gc.count, major: gc.major, totalMs: Math.round(gc.totalMs), maxMs: Math.round(gc.maxMs * 10) / 10 },
      };
      histogram.reset();
      gc = { count: 0, major: 0, totalMs: 0, maxMs: 0 };
      return taken;
    },
    stop() {
      histogram.disable();
      observer.disconnect();
    },
  };
}
