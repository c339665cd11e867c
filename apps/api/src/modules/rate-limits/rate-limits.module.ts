import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { WriteRateLimitInterceptor } from './write-rate-limit.interceptor';
import { WriteRateLimiter } from './write-rate-limiter';

@Global()
@Module({
  providers: [WriteRateLimiter, { provide: APP_INTERCEPTOR, useClass: WriteRateLimitInterceptor }],
  exports: [WriteRateLimiter],
})
export class RateLimitsModule {}
