import type { FanoutRun } from './fanout-bench';

/** Every fan-out measure of a run, by condition, in round order (a condition not asked for stays empty). */
export interface FanoutRounds {
  lintas: FanoutRun[];
  baseline: FanoutRun[];
  /** The same with a CPU-bound neighbour busy on one core (`--neighbour`). */
  lintasBusy: FanoutRun[];
  baselineBusy: FanoutRun[];
  /** Lintas on several instances joined through Redis (`--instances`). */
  cluster: FanoutRun[];
}

export function median(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (!finite.length) return NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[middle] : (finite[middle - 1] + finite[middle]) / 2;
}

/** The run whose p99 is the median of the rounds (the lower middle one of an even count): shown as representative. */
export function medianRun(runs: readonly FanoutRun[]): FanoutRun {
  const sorted = [...runs].sort((a, b) => a.deliveries.latency.p99 - b.deliveries.latency.p99);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Median of a per-round figure. */
export function medianOf(runs: readonly FanoutRun[], figure: (run: FanoutRun) => number): number {
  return median(runs.map(figure));
}

/** Median of the per-round ratios `a[i] ÷ b[i]` (rounds paired: each ratio's two runs shared the machine's state). */
export function medianRatio(
  a: readonly FanoutRun[],
  b: readonly FanoutRun[],
  figure: (run: FanoutRun) => number,
  figureOfB: (run: FanoutRun) => number = figure,
): number {
  const ratios = a.map((run, index) => (b[index] ? figure(run) / figureOfB(b[index]) : NaN)).filter((ratio) => Number.isFinite(ratio));
  return median(ratios);
}

export const p99 = (run: FanoutRun) => run.deliveries.latency.p99;
export const crossP99 = (run: FanoutRun) => run.deliveries.crossLatency.p99;

/**
 * How much more Lintas degrades with the neighbour than the bare server does in the same round:
 * the median of `(Lintas busy ÷ Lintas quiet) ÷ (bare busy ÷ bare quiet)`. 1× means Lintas loses no
 * more than a server with no database and no work loses on the same machine.
 */
export function medianExtraDegradation(rounds: FanoutRounds, figure: (run: FanoutRun) => number): number {
  const { lintas, baseline, lintasBusy, baselineBusy } = rounds;
  const ratios = lintasBusy.map((busy, index) =>
    lintas[index] && baseline[index] && baselineBusy[index] ? figure(busy) / figure(lintas[index]) / (figure(baselineBusy[index]) / figure(baseline[index])) : NaN,
  );
  return median(ratios);
}
