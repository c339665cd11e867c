import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_BACKOFF, retryAfterMs } from './backoff';

const options = { baseMs: 1_000, maxMs: 60_000, minMs: 250 };

describe('backoffDelay', () => {
  it('does not wait before the first attempt', () => {
    expect(backoffDelay(0, options, () => 0.5)).toBe(0);
  });

  it('doubles its ceiling with each failure: 1 s, 2 s, 4 s, 8 s at the top of the jitter', () => {
    expect([1, 2, 3, 4].map((failures) => backoffDelay(failures, options, () => 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('draws uniformly below the ceiling (full jitter)', () => {
    expect(backoffDelay(4, options, () => 0.5)).toBe(4_000);
    expect(backoffDelay(4, options, () => 0.25)).toBe(2_000);
  });

  it('never waits less than the floor nor more than the cap', () => {
    expect(backoffDelay(3, options, () => 0)).toBe(250);
    expect(backoffDelay(7, options, () => 1)).toBe(60_000);
    expect(backoffDelay(10_000, options, () => 1)).toBe(60_000);
  });

  it('spreads a crowd of clients: 1,000 draws after 5 failures cover the range', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const delays = Array.from({ length: 1_000 }, () => backoffDelay(5, DEFAULT_BACKOFF, random));
    expect(Math.min(...delays)).toBeLessThan(1_000);
    expect(Math.max(...delays)).toBeGreaterThan(15_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(16_000);
    expect(new Set(delays).size).toBeGreaterThan(900);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and ignores anything else', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 28 Nov 2026 10:00:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Sat, 28 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
