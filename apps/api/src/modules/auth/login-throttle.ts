import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError, sharedCounter } from '../../common/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SHARED_REDIS } from '../../redis/redis.module';
import type { RedisClient } from '../../redis/redis-connection';

const WINDOW_SECONDS = 15 * 60;
/** Sign-in attempts allowed per account, and per address, in the window (a success gives its point back). */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 30;

/**
 * Sign-in attempts are counted per account and per address; past the limit, sign-in answers 429
 * until the window passes. A point is taken BEFORE the password is checked, atomically, so that a
 * burst of concurrent guesses cannot all be checked while the counter still reads low (40 at once
 * used to get 40 verdicts); a successful sign-in clears the account's count and returns the
 * address's point, so only failures accumulate. With `REDIS_URL` the counters live in Redis,
 * shared by every instance; if Redis stops answering, each instance counts in its own memory.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(SHARED_REDIS) redis: RedisClient | null) {
    this.perAccount = sharedCounter(redis, `${config.redisPrefix}:login-account`, PER_ACCOUNT, WINDOW_SECONDS);
    this.perAddress = sharedCounter(redis, `${config.redisPrefix}:login-address`, PER_ADDRESS, WINDOW_SECONDS);
  }

  /** Takes one attempt from the account's and the address's allowance, or refuses with 429. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    await take(this.perAccount, email);
    await take(this.perAddress, ip);
  }

  /** The attempt's point stays taken: nothing more to count. */
  async recordFailure(_email: string, _ip: string): Promise<void> {}

  async recordSuccess(email: string, ip?: string): Promise<void> {
    await Promise.all([this.perAccount.delete(email), ip ? this.perAddress.reward(ip, 1) : undefined]);
  }
}

async function take(counter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await counter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new RateLimitedError(`Too many failed sign-ins; try again in ${minutes} minute(s)`, Math.ceil(error.msBeforeNext / 1000), 'login_throttled');
  }
}
