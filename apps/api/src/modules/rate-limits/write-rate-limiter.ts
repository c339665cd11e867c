import { Inject, Injectable } from '@nestjs/common';
import { consumeOrRefuse, sharedRateLimiter, type Rate } from '../../common/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { SHARED_REDIS } from '../../redis/redis.module';
import type { RedisClient } from '../../redis/redis-connection';

/** What a user spends a point of: a durable write, or a subscription (each costs a catch-up read). */
export type RateLimitedAction = 'write' | 'subscribe';

const BURST_FACTOR = 3;

/**
 * Per-user budgets for the paths that cost the database something, checked before any of that
 * work: one client flooding reports or subscriptions gets 429 with the seconds to wait, and the
 * others (and the health check) keep their share. Shared by every instance through Redis.
 */
@Injectable()
export class WriteRateLimiter {
  private readonly limiters;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(SHARED_REDIS) redis: RedisClient | null) {
    const rate = (perSecond: number): Rate => ({ perSecond, burst: perSecond * BURST_FACTOR });
    this.limiters = {
      write: { limiter: sharedRateLimiter(redis, `${config.redisPrefix}:writes`, rate(config.rateLimits.writesPerSecond)), perSecond: config.rateLimits.writesPerSecond },
      subscribe: { limiter: sharedRateLimiter(redis, `${config.redisPrefix}:subscriptions`, rate(config.rateLimits.subscriptionsPerSecond)), perSecond: config.rateLimits.subscriptionsPerSecond },
    };
  }

  async consume(userId: string, action: RateLimitedAction): Promise<void> {
    const { limiter, perSecond } = this.limiters[action];
    const what = action === 'write' ? 'changes' : 'subscriptions';
    await consumeOrRefuse(limiter, userId, `Too many ${what} from your account; at most ${perSecond} a second`);
  }
}
