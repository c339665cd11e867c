import type { ErrorCode, ErrorIssue } from '@lintas/contracts';

/**
 * A failure a client can act on. Services throw these with one of the codes of `ERROR_MESSAGES`
 * in libs/contracts (the type admits no other); the exception filter turns them into HTTP answers
 * and socket acknowledgements, both carrying the code.
 */
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 503,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
  }
}

export const badRequest = (code: ErrorCode, message: string) => new AppError(400, code, message);
export const unauthorized = (message = 'Authentication required') => new AppError(401, 'unauthorized', message);
export const forbidden = (code: ErrorCode, message: string) => new AppError(403, code, message);
/** Also answered for things that exist but the caller may not see: existence is not disclosed. */
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);
/** A part the answer needs is missing on the server (not the caller's fault; retrying later may help). */
export const unavailable = (code: ErrorCode, message: string) => new AppError(503, code, message);
export const conflict = (code: ErrorCode, message: string) => new AppError(409, code, message);
