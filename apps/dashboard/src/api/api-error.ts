import type { ErrorBody, ErrorCode } from '@lintas/contracts';

/**
 * A failed call to the Lintas API: the HTTP status (0 when the server could not be reached), the
 * server's message (written for people), for validation errors each failing field, and the error
 * code (one of libs/contracts' closed set; null when there was no answer) that screens translate.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: ErrorBody['issues'] = undefined,
    readonly code: ErrorCode | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request never got an answer: offline, DNS, server down. Worth retrying later. */
  get unreachable(): boolean {
    return this.status === 0;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
