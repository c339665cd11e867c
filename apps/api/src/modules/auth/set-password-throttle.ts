import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimitedError, sharedCounter } from '../../common/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SHARED_REDIS } from '../../redis/redis.module';
import type { RedisClient } from '../../redis/redis-connection';

const WINDOW_SECONDS = 15 * 60;
/** Attempts with a wrong, used or expired link allowed per address in the window: as sign-in's per address. */
const PER_ADDRESS = 30;

/**
 * Set-password attempts are counted per address as sign-ins are (`LoginThrottle`): a point is taken
 * before the token is looked at, a success gives it back, so only failures accumulate.
 */
@Injectable()
export class SetPasswordThrottle {
  private readonly perAddress: RateLimiterAbstract;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(SHARED_REDIS) redis: RedisClient | null) {
    this.perAddress = sharedCounter(redis, `${config.redisPrefix}:set-password-address`, PER_ADDRESS, WINDOW_SECONDS);
  }

  async assertAllowed(ip: string): Promise<void> {
    try {
      await this.perAddress.consume(ip);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
      throw new RateLimitedError(`Too many attempts with set-password links; try again in ${minutes} minute(s)`, Math.ceil(error.msBeforeNext / 1000), 'set_password_throttled');
    }
  }

  async recordSuccess(ip: string): Promise<void> {
    await this.perAddress.reward(ip, 1);
  }
}
