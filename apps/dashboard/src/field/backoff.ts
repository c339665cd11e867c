/**
 * How long the outbox waits before its next attempt after `failures` consecutive failures:
 * exponential growth capped at `maxMs`, with "full jitter" (a uniform draw between 0 and the
 * exponential figure) so that a hundred phones that lost the same link do not all come back in
 * the same second. A floor keeps a flapping link from being hammered.
 */
export interface BackoffOptions {
  /** The first wait's ceiling. */
  baseMs: number;
  /** No wait is longer than this. */
  maxMs: number;
  /** No wait is shorter than this. */
  minMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000, minMs: 250 };

export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  // 2 ** 30 already dwarfs any sensible cap; stop there so the figure stays finite.
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 30));
  const draw = Math.min(Math.max(random(), 0), 1);
  return Math.round(Math.max(options.minMs, Math.min(ceiling, draw * ceiling)));
}

/**
 * A server's `Retry-After` (seconds, or an HTTP date) as milliseconds from `now`, or null when
 * absent or unusable. Honoured for 429 and 503 so that the outbox waits at least as long as asked.
 */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
