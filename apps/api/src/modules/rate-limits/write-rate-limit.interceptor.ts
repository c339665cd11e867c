import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user';
import { WriteRateLimiter } from './write-rate-limiter';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every signed-in HTTP write (POST, PATCH, PUT, DELETE) spends a point of its user's write budget.
 * Interceptors run after the guards (the caller is known) and before the pipes: a refused request
 * costs no body validation and no query. Sign-in has its own throttle (it has no user yet).
 */
@Injectable()
export class WriteRateLimitInterceptor implements NestInterceptor {
  constructor(private readonly limiter: WriteRateLimiter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    if (READ_METHODS.has(request.method) || !request.user) return next.handle();
    return from(this.limiter.consume(request.user.id, 'write')).pipe(switchMap(() => next.handle()));
  }
}
