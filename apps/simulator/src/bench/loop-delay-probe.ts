/**
 * Preloaded into the API process by the bench (`node --require …/loop-delay-probe.js`) with
 * `--diagnose`: an event-loop delay histogram (perf_hooks, 10 ms resolution) that the bench resets
 * and reads with SIGUSR2 — each signal writes the percentiles since the previous one to
 * `LINTAS_LOOP_PROBE_FILE` as JSON, then starts over. Nothing of the API is changed.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.LINTAS_LOOP_PROBE_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
  process.on('SIGUSR2', () => {
    // Written aside and renamed: the bench never reads half a file.
    writeFileSync(
      `${file}.part`,
      JSON.stringify({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean), count: histogram.count }),
    );
    renameSync(`${file}.part`, file);
    histogram.reset();
  });
}
