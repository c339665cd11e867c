import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SHARED_REDIS } from '../../redis/redis.module';
import type { RedisClient } from '../../redis/redis-connection';

const WINDOW_SECONDS = 15 * 60;
/** Failed sign-ins allowed per account, and per address, in the window. */
const PER_ACCOUNT = 5;
const PER_ADDRESS = 30;

/**
 * Failed sign-ins are counted per account and per address; past the limit, sign-in answers 429
 * until the window passes. With `REDIS_URL` the counters live in Redis, shared by every instance
 * (spreading guesses over instances gains nothing); if Redis stops answering, each instance counts
 * in its own memory until it is back. Without Redis, one instance counts in memory.
 */
@Injectable()
export class LoginThrottle {
  private readonly perAccount: RateLimiterAbstract;
  private readonly perAddress: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(SHARED_REDIS) redis: RedisClient | null) {
    this.perAccount = failureCounter(redis, `${config.redisPrefix}:login-account`, PER_ACCOUNT);
    this.perAddress = failureCounter(redis, `${config.redisPrefix}:login-address`, PER_ADDRESS);
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.perAccount.get(email), this.perAddress.get(ip)]);
    const blocked = [account && account.consumedPoints >= PER_ACCOUNT ? account : null, address && address.consumedPoints >= PER_ADDRESS ? address : null]
      .filter((entry): entry is RateLimiterRes => entry !== null)
      .sort((a, b) => b.msBeforeNext - a.msBeforeNext)[0];
    if (blocked) {
      const minutes = Math.max(1, Math.ceil(blocked.msBeforeNext / 60_000));
      throw new AppError(429, 'login_throttled', `Too many failed sign-ins; try again in ${minutes} minute(s)`);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(email, 1), this.perAddress.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.perAccount.delete(email);
  }
}

function failureCounter(redis: RedisClient | null, keyPrefix: string, points: number): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
  if (!redis) return memory;
  return new RateLimiterRedis({ storeClient: redis, useRedisPackage: true, keyPrefix, points, duration: WINDOW_SECONDS, insuranceLimiter: memory, rejectIfRedisNotReady: true });
}
