/**
 * Preloaded into the API process by the bench (`node --require …/loop-delay-probe.js`) with
 * `--diagnose`: the bench resets and reads the API's event-loop delay with SIGUSR2 — each signal
 * writes the percentiles since the previous one to `LINTAS_LOOP_PROBE_FILE` as JSON (with the
 * garbage-collection pauses seen meanwhile), then starts over. Nothing of the API is changed.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { startLoopDelaySampler } from './loop-delay-sampler';

const file = process.env.LINTAS_LOOP_PROBE_FILE;
if (file) {
  const sampler = startLoopDelaySampler();
  process.on('SIGUSR2', () => {
    // Written aside and renamed: the bench never reads half a file.
    writeFileSync(`${file}.part`, JSON.stringify(sampler.take()));
    renameSync(`${file}.part`, file);
  });
}
