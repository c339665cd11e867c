/**
 * The rate search of the fan-out sweep. It doubles the rate from `start` while each step holds;
 * after the first failure it halves the gap between the highest rate that held and the lowest that
 * failed until the gap is within `precision` (a share of the held rate). A first step that fails
 * halves downwards, so that a system slower than the start rate still gets a figure.
 */
export class RateSearch {
  private held: number | null = null;
  private failed: number | null = null;

  constructor(private readonly options: { start: number; max: number; precision: number }) {}

  /** The highest rate that held so far, or null. */
  get highestHeld(): number | null {
    return this.held;
  }

  /** The next rate to try, or null when the search is done. */
  next(): number | null {
    const { start, max, precision } = this.options;
    if (this.failed === null) {
      const rate = this.held === null ? start : this.held * 2;
      return rate <= max ? rate : null;
    }
    if (this.held === null) {
      const rate = Math.floor(this.failed / 2);
      return rate >= 1 ? rate : null;
    }
    if (this.failed - this.held <= Math.max(1, this.held * precision)) return null;
    return Math.round((this.held + this.failed) / 2);
  }

  record(rate: number, held: boolean): void {
    if (held) this.held = Math.max(this.held ?? 0, rate);
    else this.failed = Math.min(this.failed ?? Infinity, rate);
  }
}
