import { Injectable } from '@nestjs/common';

/**
 * The time as the domain's deadlines see it. Injected so that tests move time forward instead of
 * sleeping (`app.get(Clock).set(...)`); in production it is the system clock.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Tests only: hold the clock at `at` (null: back to the system clock). */
  set(at: Date | null): void {
    this.fixed = at;
  }
}
