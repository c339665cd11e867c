import type { ErrorBody } from '@lintas/contracts';
// Without zod: part of the early start, before the schemas are wanted (see app/early-start.ts).
import { isErrorCode } from '@lintas/contracts/plain';
import { ApiError, isAbortError } from './api-error';

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path under the same origin, e.g. `/api/operations`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
  /** Extra headers, e.g. the CSRF header of the sign-in cookie routes. */
  headers?: Record<string, string>;
  /** `same-origin` (fetch's default) sends the sign-in cookie to the API on this origin. */
  credentials?: RequestCredentials;
}

/** `fetch` as the browser has it; tests pass their own. */
export type Fetch = typeof fetch;

/**
 * One JSON request. Answers the parsed body (undefined for 204); throws `ApiError` with the
 * server's message for any non-2xx answer and with status 0 when no answer came. An abort is
 * re-thrown as is, so callers can tell "cancelled" from "failed".
 */
export async function requestJson<T>(doFetch: Fetch, request: HttpRequest): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const url = withQuery(request.path, request.query);
  let response: Response;
  try {
    response = await doFetch(url, {
      method: request.method ?? 'GET',
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: request.signal,
      ...(request.credentials ? { credentials: request.credentials } : {}),
    });
  } catch (error) {
    throw unreachable(error);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  if (!response.ok) throw errorAnswer(response.status, body);
  return body as T;
}

/** A failed `fetch` (no answer): an abort stays an abort; anything else is status 0. */
export function unreachable(error: unknown): unknown {
  if (isAbortError(error)) return error;
  return new ApiError(0, 'The Lintas server could not be reached. Check the connection; the request can be tried again.');
}

/** A non-2xx answer as an `ApiError` with the server's message and failing fields. */
export function errorAnswer(status: number, body: unknown): ApiError {
  const error = body as Partial<ErrorBody> | undefined;
  const message = typeof error?.message === 'string' && error.message ? error.message : `The server answered ${status}`;
  return new ApiError(status, message, Array.isArray(error?.issues) ? error.issues : undefined, isErrorCode(error?.code) ? error.code : null);
}

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(','));
    } else {
      params.set(name, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
