import { BurstyRateLimiter, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ErrorCode } from '@lintas/contracts';
import type { RedisClient } from '../redis/redis-connection';
import { AppError } from './app-error';

/** 429 with the seconds to wait: the HTTP answer's `Retry-After` header, the socket ack's `retryAfterSeconds`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code: ErrorCode = 'rate_limited',
  ) {
    super(429, code, message);
  }
}

/** A rate and its burst: `perSecond` steadily, and `burst` more spread over ten seconds. */
export interface Rate {
  perSecond: number;
  burst: number;
}

const BURST_WINDOW_SECONDS = 10;

/**
 * A counter shared by every instance through Redis when there is one; while Redis does not answer
 * (or without it), each instance counts in its own memory, so a Redis outage loosens a limit across
 * instances but never lifts it.
 */
export function sharedCounter(redis: RedisClient | null, keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds });
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix, points, duration: durationSeconds, insuranceLimiter: memory, rejectIfRedisNotReady: true });
}

export function sharedRateLimiter(redis: RedisClient | null, keyPrefix: string, rate: Rate): BurstyRateLimiter {
  return new BurstyRateLimiter(
    sharedCounter(redis, keyPrefix, rate.perSecond, 1),
    sharedCounter(redis, `${keyPrefix}-burst`, rate.burst, BURST_WINDOW_SECONDS),
  );
}

/** Takes one point for `key`, or throws 429 naming how long to wait. */
export async function consumeOrRefuse(limiter: BurstyRateLimiter | RateLimiterAbstract, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      throw new RateLimitedError(`${message}; try again in ${seconds} s`, seconds);
    }
    throw error;
  }
}
