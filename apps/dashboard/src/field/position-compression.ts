import { distanceMetres, type PositionInput } from '@lintas/contracts';

/**
 * What the map needs from a stretch of positions kept while offline: the track's shape and the
 * latest point, not every fix the phone took. Applied to the queued positions of one team just
 * before they go out as one batch.
 */
export interface CompressionOptions {
  /** A point less than this far from the last kept one is dropped (the team did not move)… */
  minDistanceM: number;
  /** …unless this long has passed since the last kept one: a heartbeat for a team standing still. */
  maxGapS: number;
  /** A point taken less than this long after the last kept one is dropped, however far it is. */
  minIntervalS: number;
}

export const DEFAULT_COMPRESSION: CompressionOptions = { minDistanceM: 25, maxGapS: 300, minIntervalS: 2 };

/** `positionBatchSchema` takes at most this many positions. */
export const MAX_BATCH = 1000;

/**
 * Oldest first, one point per time stamp (the server stores one per team and `at`; the later
 * entry wins), thinned by the options; the latest point is always kept.
 */
export function compressPositions<T extends Pick<PositionInput, 'lat' | 'lon' | 'at'>>(positions: readonly T[], options: CompressionOptions = DEFAULT_COMPRESSION): T[] {
  const byTime = new Map<number, T>();
  for (const position of positions) byTime.set(Date.parse(position.at), position);
  const sorted = [...byTime.entries()].sort(([a], [b]) => a - b);
  if (sorted.length <= 2) return sorted.map(([, position]) => position);

  const kept: Array<[number, T]> = [sorted[0]];
  for (let i = 1; i < sorted.length; i++) {
    const [time, position] = sorted[i];
    const [lastTime, last] = kept[kept.length - 1];
    const seconds = (time - lastTime) / 1000;
    if (seconds < options.minIntervalS) continue;
    if (seconds < options.maxGapS && distanceMetres(last, position) < options.minDistanceM) continue;
    kept.push(sorted[i]);
  }
  const latest = sorted[sorted.length - 1];
  if (kept[kept.length - 1] !== latest) kept.push(latest);
  return kept.map(([, position]) => position);
}
