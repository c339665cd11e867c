/**
 * The report layers' cluster workers, started ahead of need: a worker's script is fetched and
 * started on its own thread only when it is created, and an index moves to its worker when the
 * older reports page in, a busy moment for the main thread. `early-start.ts` starts one (the
 * reports layer's; the alerts' may stay small enough for the main thread) with the snapshot
 * request. Kept small: the early chunk imports it.
 */
const started: { worker: Worker; failed: boolean }[] = [];

export function prestartClusterWorkers(count = 1): void {
  if (typeof Worker !== 'function') return;
  while (started.length < count) {
    const entry = { worker: startWorker(), failed: false };
    // Failed before a layer took it: the layer gets a new one (and, failing too, its index runs on the main thread).
    entry.worker.addEventListener('error', () => (entry.failed = true), { once: true });
    started.push(entry);
  }
}

/** A started worker if one waits, else a new one. */
export function clusterWorker(): Worker {
  for (let entry = started.shift(); entry; entry = started.shift()) {
    if (!entry.failed) return entry.worker;
    entry.worker.terminate();
  }
  return startWorker();
}

function startWorker(): Worker {
  return new Worker(new URL('./cluster-index.worker.ts', import.meta.url), { type: 'module', name: 'report-clusters' });
}
