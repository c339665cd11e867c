import type { OperationEvent, ReplayedState, ReplayWithdrawal, Viewer } from '@lintas/contracts';
import { foldReplay } from '@lintas/contracts/plain';
import { lastAtOrBefore, type ReplaySpan } from './replay-spans';

/** A keyframe of the folded state every this many events of a span: a jump folds at most this many. */
export const KEYFRAME_EVENTS = 400;

/**
 * Keyframes of one span's folded state: the state at the span's start, then at every
 * `KEYFRAME_EVENTS`-th event in time order. The state at any moment is the nearest keyframe at or
 * before it with only the events between them folded on (`foldReplay`, which applies them by
 * seq), so a jump back to the start of a 10,000-event day costs no more than a step forward.
 * Keyframes are made as moments first need them, each folded from the one before.
 */
export class SpanKeyframes {
  /** The span's events and withdrawals in time order (seq order within a moment), and their times. */
  private readonly events: readonly OperationEvent[];
  private readonly eventTimes: readonly number[];
  private readonly withdrawals: readonly ReplayWithdrawal[];
  private readonly withdrawalTimes: readonly number[];
  /** frames[k]: the state at eventTimes[k × KEYFRAME_EVENTS − 1] (frames[0]: the base). */
  private readonly frames: ReplayedState[];

  constructor(
    private readonly span: ReplaySpan,
    private readonly viewer: Viewer,
  ) {
    const base = span.base!;
    const events = inTimeOrder(span.events);
    const withdrawals = inTimeOrder(span.withdrawals);
    this.events = events.items;
    this.eventTimes = events.times;
    this.withdrawals = withdrawals.items;
    this.withdrawalTimes = withdrawals.times;
    this.frames = [{ operation: base.operation, reports: base.reports, teams: base.teams, seq: base.seq, at: base.at, itemSeqs: base.itemSeqs ?? new Map() }];
  }

  /** How many of the span's events are at or before `at`: the same count folds to the same state. */
  eventsUpTo(at: number): number {
    return lastAtOrBefore(this.eventTimes, at) + 1;
  }

  withdrawalsUpTo(at: number): number {
    return lastAtOrBefore(this.withdrawalTimes, at) + 1;
  }

  /** The nearest keyframe at or before `at` (made if needed). */
  keyframeAt(at: number): ReplayedState {
    const wanted = Math.floor(this.eventsUpTo(at) / KEYFRAME_EVENTS);
    while (this.frames.length <= wanted) {
      const index = this.frames.length;
      this.frames.push(this.foldFrom(this.frames[index - 1], this.eventTimes[index * KEYFRAME_EVENTS - 1]));
    }
    return this.frames[wanted];
  }

  /** The state at `at` folded on from `from` (a keyframe or an earlier state of this span), with only the events between them. */
  foldFrom(from: ReplayedState, at: number): ReplayedState {
    const events = this.events.slice(lastAtOrBefore(this.eventTimes, from.at) + 1, this.eventsUpTo(at));
    const withdrawals = this.withdrawals.slice(lastAtOrBefore(this.withdrawalTimes, from.at) + 1, this.withdrawalsUpTo(at));
    return foldReplay(from, events, at, this.viewer, withdrawals);
  }

  /** The state at `at`: from `near` when given and not after it (a moment just drawn), else from the nearest keyframe, whichever is later. */
  stateAt(at: number, near: ReplayedState | null = null): ReplayedState {
    const keyframe = this.keyframeAt(at);
    const from = near && near.at <= at && near.at >= keyframe.at ? near : keyframe;
    return this.foldFrom(from, at);
  }

  get source(): ReplaySpan {
    return this.span;
  }
}

function inTimeOrder<T extends { seq: number; at: string }>(items: readonly T[]): { items: T[]; times: number[] } {
  const timed = items.map((item) => ({ item, time: Date.parse(item.at) }));
  timed.sort((a, b) => a.time - b.time || a.item.seq - b.item.seq);
  return { items: timed.map((entry) => entry.item), times: timed.map((entry) => entry.time) };
}
