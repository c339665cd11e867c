import type { Operation, ReplayMark } from '@lintas/contracts';

/** Play speeds: clock seconds of the operation per real second. */
export const REPLAY_SPEEDS = [1, 10, 60, 600] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** The bar moves by clock time: one step of the slider (an arrow key) is a minute. */
export const STEP_MS = 60_000;

/** The longest period one window request may cover (the API's limit, `REPLAY_WINDOW_MAX_MS`). */
const WINDOW_MAX_MS = 7 * 24 * 60 * 60 * 1000;

export interface ReplayPeriod {
  start: number;
  end: number;
}

/**
 * The period the time bar spans: from the operation's start (or creation) to its end when it has
 * ended, else to now; at most the last seven days of it.
 */
export function replayPeriod(operation: Pick<Operation, 'startsAt' | 'endsAt' | 'createdAt' | 'status'>, now: number): ReplayPeriod {
  const created = Date.parse(operation.createdAt);
  const starts = operation.startsAt ? Date.parse(operation.startsAt) : created;
  const ends = operation.endsAt ? Date.parse(operation.endsAt) : null;
  let end = operation.status === 'closed' && ends !== null && ends < now ? Math.max(ends, created) : now;
  let start = Math.min(starts, created, end - STEP_MS);
  if (end - start > WINDOW_MAX_MS) start = end - WINDOW_MAX_MS;
  if (end <= start) end = start + STEP_MS;
  return { start, end };
}

export function clamp(at: number, period: ReplayPeriod): number {
  return Math.min(period.end, Math.max(period.start, at));
}

/** Where play is after `elapsedMs` of real time at `speed`; stops at the end. */
export function advance(at: number, speed: number, elapsedMs: number, period: ReplayPeriod): number {
  return clamp(at + speed * elapsedMs, period);
}

/**
 * The first mark after `at` (more than a second after, so that pressing again moves on), or null.
 * `times`: the marks' times parsed once (the bar asks at every frame of play).
 */
export function nextMark(marks: readonly ReplayMark[], at: number, times: readonly number[] = marks.map((mark) => Date.parse(mark.at))): ReplayMark | null {
  const index = times.findIndex((time) => time > at + 999);
  return index < 0 ? null : marks[index];
}

/** The last mark before `at` (more than a second before), or null. */
export function previousMark(marks: readonly ReplayMark[], at: number, times: readonly number[] = marks.map((mark) => Date.parse(mark.at))): ReplayMark | null {
  for (let index = marks.length - 1; index >= 0; index -= 1) if (times[index] < at - 999) return marks[index];
  return null;
}

/** A mark's place along the bar, 0–100 %. */
export function markOffset(at: string, period: ReplayPeriod): number {
  return ((clamp(Date.parse(at), period) - period.start) / (period.end - period.start)) * 100;
}
