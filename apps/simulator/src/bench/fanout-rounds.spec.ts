import type { FanoutRun } from './fanout-bench';
import { median, medianExtraDegradation, medianRatio, medianRun, p99 } from './fanout-rounds';

const run = (value: number): FanoutRun => ({ deliveries: { latency: { p99: value } } }) as unknown as FanoutRun;

describe('fan-out rounds', () => {
  it('takes the median of odd and even counts and ignores missing figures', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([NaN, 5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('shows the run whose p99 is the median, and pairs ratios by round', () => {
    expect(p99(medianRun([run(90), run(30), run(60)]))).toBe(60);
    // Per round 2×, 4×, 1×: the median ratio is 2×, not the ratio of the medians (60 ÷ 20 = 3×).
    expect(medianRatio([run(60), run(80), run(30)], [run(30), run(20), run(30)], p99)).toBe(2);
  });

  it("divides Lintas's busy ÷ quiet by the bare server's in the same round", () => {
    // Round 1: Lintas 4× worse, bare 4× worse → 1×; round 2: 3× against 1.5× → 2×; round 3: 2× against 4× → 0.5×.
    const rounds = {
      lintas: [run(50), run(40), run(60)],
      lintasBusy: [run(200), run(120), run(120)],
      baseline: [run(30), run(20), run(30)],
      baselineBusy: [run(120), run(30), run(120)],
      cluster: [],
    };
    expect(medianExtraDegradation(rounds, p99)).toBe(1);
  });
});
