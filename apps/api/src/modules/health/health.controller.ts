import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator, type HealthIndicatorFunction } from '@nestjs/terminus';
import { SHARED_REDIS } from '../../redis/redis.module';
import type { RedisClient } from '../../redis/redis-connection';
import { Public } from '../auth/public.decorator';

const CHECK_TIMEOUT_MS = 3000;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(SHARED_REDIS) private readonly redis: RedisClient | null,
  ) {}

  /**
   * 200 when the database answers, 503 otherwise. With `REDIS_URL`, Redis is reported too: when it
   * does not answer the status is `degraded` but still 200 — this instance keeps serving its own
   * sockets, and events from other instances reach them late (read from the database), so a load
   * balancer should not take every instance out for a Redis outage.
   */
  @Get()
  @HealthCheck()
  @ApiOkResponse({ description: 'The API and its database are up (status ok, or degraded when Redis does not answer)' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer' })
  check() {
    const checks: HealthIndicatorFunction[] = [() => this.database.pingCheck('database', { timeout: CHECK_TIMEOUT_MS })];
    if (this.redis) checks.push(() => this.redisCheck(this.redis!));
    return this.health.check(checks);
  }

  private async redisCheck(redis: RedisClient) {
    const indicator = this.indicators.check('redis');
    if (!redis.isReady) return indicator.degraded({ message: 'Redis is not connected; events from other instances arrive late' });
    try {
      await Promise.race([redis.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref())]);
      return indicator.up();
    } catch (error) {
      return indicator.degraded({ message: `Redis does not answer (${error instanceof Error ? error.message : String(error)})` });
    }
  }
}
