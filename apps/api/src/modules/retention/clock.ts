/** The time, injected: the retention rule is tested with a clock set weeks ahead. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
