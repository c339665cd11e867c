import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { closeRedis, connectRedis, type RedisClient } from './redis-connection';

/** The shared Redis client for state that must span instances (rate-limit counters), or null without `REDIS_URL`. */
export const SHARED_REDIS = Symbol('SHARED_REDIS');

@Global()
@Module({
  providers: [
    {
      provide: SHARED_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<RedisClient | null> =>
        config.redisUrl ? connectRedis(config.redisUrl, new Logger('SharedRedis')) : Promise.resolve(null),
    },
  ],
  exports: [SHARED_REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(SHARED_REDIS) private readonly redis: RedisClient | null) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}
