import type L from 'leaflet';

/** Fired on the map when no report layer awaits its cluster index any longer. */
export const REPORTS_DRAWN = 'lintas:reports-drawn';

const waiting = new WeakMap<L.Map, Set<string>>();

/**
 * A report layer says here while it waits for its cluster index's answer (asked in a worker) and
 * when that answer is drawn. The map element carries `data-reports-pending` ("true" / "false")
 * for the tests and the benchmarks: a picture counts as drawn only with its reports.
 */
export function reportsPending(map: L.Map, layer: string, pending: boolean): void {
  let layers = waiting.get(map);
  if (!layers) waiting.set(map, (layers = new Set()));
  if (pending === layers.has(layer)) return;
  if (pending) layers.add(layer);
  else layers.delete(layer);
  map.getContainer().dataset.reportsPending = String(layers.size > 0);
  if (layers.size === 0) map.fire(REPORTS_DRAWN);
}

/** Runs `then` once no report layer is waiting for its index (at once if none is); answers how to stop waiting. */
export function whenReportsDrawn(map: L.Map, then: () => void): () => void {
  if ((waiting.get(map)?.size ?? 0) === 0) {
    then();
    return () => undefined;
  }
  const done = () => {
    map.off(REPORTS_DRAWN, done);
    then();
  };
  map.on(REPORTS_DRAWN, done);
  return () => map.off(REPORTS_DRAWN, done);
}
