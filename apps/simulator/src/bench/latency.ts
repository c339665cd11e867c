import * as hdr from 'hdr-histogram-js';

/** Latencies in milliseconds, mergeable across processes (sent as compressed base64). */
export type Latencies = hdr.Histogram;

export function newLatencies(): Latencies {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 3_600_000, numberOfSignificantValueDigits: 3 });
}

export function encodeLatencies(latencies: Latencies): string {
  return hdr.encodeIntoCompressedBase64(latencies);
}

export function mergeLatencies(encoded: readonly string[]): Latencies {
  const total = newLatencies();
  for (const text of encoded) total.add(hdr.decodeFromCompressedBase64(text));
  return total;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(latencies: Latencies): LatencySummary {
  if (latencies.totalCount === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  return {
    count: latencies.totalCount,
    p50: latencies.getValueAtPercentile(50),
    p95: latencies.getValueAtPercentile(95),
    p99: latencies.getValueAtPercentile(99),
    max: latencies.maxValue,
  };
}
