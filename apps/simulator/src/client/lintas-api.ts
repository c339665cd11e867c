import type { ErrorBody, LoginResponse } from '@lintas/contracts';
import { requireLocalUrl } from '../harness/local-url';

/** An answer other than 2xx from the API, with the API's own message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody> | null,
    what: string,
  ) {
    super(`${what}: ${status} ${body?.message ?? body?.error ?? ''}`.trim());
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Retry on a lost connection, 429 and 5xx with the same body (default 4). Only for idempotent requests. */
  retries?: number;
  signal?: AbortSignal;
}

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/**
 * One signed-in account talking to the public REST API, as a field device would: it refreshes its
 * access token when told 401, and retries idempotent requests (every post carries a client id).
 */
export class LintasApi {
  private session: LoginResponse | null = null;

  private constructor(
    readonly baseUrl: string,
    readonly email: string,
    private readonly password: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<LintasApi> {
    const api = new LintasApi(requireLocalUrl(baseUrl, 'API URL'), email, password);
    await api.login();
    return api;
  }

  get user(): LoginResponse['user'] {
    if (!this.session) throw new Error(`${this.email} is not signed in`);
    return this.session.user;
  }

  get accessToken(): string {
    if (!this.session) throw new Error(`${this.email} is not signed in`);
    return this.session.accessToken;
  }

  get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('GET', path, { retries: 4, ...options });
  }

  post<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const retries = options.retries ?? 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(method, path, options);
      } catch (error) {
        const transient = !(error instanceof ApiError) || error.status === 429 || error.status >= 500;
        if (!transient || attempt >= retries || options.signal?.aborted) throw error;
        await delay(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
      }
    }
  }

  private async once<T>(method: string, path: string, options: RequestOptions, refreshed = false): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.accessToken}`, ...(options.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal ?? AbortSignal.timeout(30_000),
    });
    if (response.status === 401 && !refreshed) {
      await this.renew();
      return this.once<T>(method, path, options, true);
    }
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) throw new ApiError(response.status, body as Partial<ErrorBody>, `${method} ${path}`);
    return body as T;
  }

  /** A fresh access token: with the refresh token, or by signing in again. */
  async renew(): Promise<void> {
    if (this.session) {
      const response = await fetch(`${this.baseUrl}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: this.session.refreshToken }),
      });
      if (response.ok) {
        this.session = { ...this.session, ...((await response.json()) as LoginResponse) };
        return;
      }
    }
    await this.login();
  }

  private async login(): Promise<void> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // A tool, not a browser: the refresh token comes in the answer, not in a cookie.
      body: JSON.stringify({ email: this.email, password: this.password, tokenDelivery: 'body' }),
    });
    const body = (await response.json().catch(() => null)) as (LoginResponse & Partial<ErrorBody>) | null;
    if (!response.ok || !body) throw new ApiError(response.status, body, `sign-in of ${this.email}`);
    this.session = body;
  }
}

/** Waits `ms`, or less when the signal aborts. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((done) => {
    const onAbort = () => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
