import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { isErrorCode, type ErrorBody, type ErrorCode } from '@lintas/contracts';
import type { Response } from 'express';
import { ZodError } from 'zod';
import { AppError } from './app-error';
import { RateLimitedError } from './rate-limit';
import { isDatabaseUnavailable, isTransientConflict } from './pg-errors';
import { validationError } from './validation';

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a client should wait before trying again: a rate limit's own figure, or a moment for an unavailable database. */
const UNAVAILABLE_RETRY_SECONDS = 2;
export function retryAfterSeconds(error: unknown, body: ErrorBody): number | undefined {
  if (error instanceof RateLimitedError) return error.retryAfterSeconds;
  return body.statusCode === 503 ? UNAVAILABLE_RETRY_SECONDS : undefined;
}

/** The code of an HTTP error the framework or the body parser raised, by its status. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: 'malformed_json',
  401: 'unauthorized',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/**
 * Turns any error into an answer: a known one into its status, code and message, anything else
 * into 500 with no detail. An AppError whose code is not in the contracts' closed set (typing
 * forbids it; a cast could still smuggle one in) is a bug, answered as one: 500.
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof ZodError) return toErrorBody(validationError(error));
  if (error instanceof AppError && isErrorCode(error.code)) {
    return {
      statusCode: error.status,
      error: STATUS_NAMES[error.status] ?? 'Error',
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string' ? response : Array.isArray((response as { message?: unknown }).message) ? ((response as { message: string[] }).message.join('; ')) : String((response as { message?: unknown }).message ?? error.message);
    return { statusCode: status, error: STATUS_NAMES[status] ?? 'Error', code: CODE_OF_STATUS[status] ?? 'http_error', message };
  }
  // Body-parser errors (malformed JSON, too large) carry their HTTP status.
  const status = (error as { status?: unknown; type?: unknown })?.status;
  if (!(error instanceof AppError) && typeof status === 'number' && status >= 400 && status < 500) {
    const message = status === 400 ? 'Malformed JSON body' : String((error as Error).message);
    return { statusCode: status, error: STATUS_NAMES[status] ?? 'Error', code: CODE_OF_STATUS[status] ?? 'http_error', message };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      statusCode: 503,
      error: STATUS_NAMES[503],
      code: 'service_unavailable',
      message: 'The service is restarting or its database is unavailable; nothing was stored, retry shortly',
    };
  }
  if (isTransientConflict(error)) {
    return {
      statusCode: 503,
      error: STATUS_NAMES[503],
      code: 'service_unavailable',
      message: 'A concurrent change got in the way; nothing was stored, retry shortly',
    };
  }
  return { statusCode: 500, error: STATUS_NAMES[500], code: 'internal_error', message: 'Internal error; it has been logged' };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const body = toErrorBody(error);
    if (body.statusCode === 503) this.logger.warn(`answered 503: ${error instanceof Error ? error.message : String(error)}`);
    else if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const retryAfter = retryAfterSeconds(error, body);
    if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }
}
