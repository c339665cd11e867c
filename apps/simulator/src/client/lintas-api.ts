import type { ApiPaths, ErrorBody, LoginResponse } from '@lintas/contracts';
import createClient, { type Client } from 'openapi-fetch';
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
  /** Retry on a lost connection, 429 and 5xx with the same body (default 0). Only for idempotent requests. */
  retries?: number;
  /** Stops retrying once aborted. */
  signal?: AbortSignal;
}

/** The REST API typed from the API's OpenAPI document (generated types in the contracts). */
export type LintasClient = Client<ApiPaths>;

/** What an openapi-fetch call answers, whatever the route. */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000];
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * One signed-in account talking to the public REST API, as a field device would: it refreshes its
 * access token when told 401, and retries idempotent requests (every post carries a client id).
 * Calls go through openapi-fetch, so paths, parameters and bodies are checked against the document:
 * `api.call<Team[]>((client) => client.GET('/api/operations/{id}/teams', { params: { path: { id } } }))`.
 */
export class LintasApi {
  private session: LoginResponse | null = null;
  private readonly client: LintasClient;

  private constructor(
    readonly baseUrl: string,
    readonly email: string,
    private readonly password: string,
  ) {
    this.client = createClient<ApiPaths>({
      baseUrl,
      // Every request gives up after 30 s, whatever its caller's signal.
      fetch: (request: Request) => fetch(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]) }),
    });
    this.client.use({
      onRequest: ({ request }) => {
        if (this.session && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${this.session.accessToken}`);
        return request;
      },
    });
  }

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

  /**
   * One typed call as this account. The answer is typed by the caller: the published document does
   * not describe most answers yet (they are `unknown` in the generated types). A 401 renews the
   * token and repeats once; with `retries`, a lost connection, 429 or 5xx is tried again.
   */
  async call<T = unknown>(send: (client: LintasClient) => Promise<Answer>, options: RequestOptions = {}): Promise<T> {
    const retries = options.retries ?? 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(send);
      } catch (error) {
        const transient = !(error instanceof ApiError) || error.status === 429 || error.status >= 500;
        if (!transient || attempt >= retries || options.signal?.aborted) throw error;
        await delay(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
      }
    }
  }

  private async once<T>(send: (client: LintasClient) => Promise<Answer>, refreshed = false): Promise<T> {
    if (!this.session) throw new Error(`${this.email} is not signed in`);
    const answer = await send(this.client);
    if (answer.response.status === 401 && !refreshed) {
      await this.renew();
      return this.once<T>(send, true);
    }
    if (!answer.response.ok) throw new ApiError(answer.response.status, answer.error as Partial<ErrorBody>, `${new URL(answer.response.url || this.baseUrl).pathname}`);
    return answer.data as T;
  }

  /** A fresh access token: with the refresh token, or by signing in again. */
  async renew(): Promise<void> {
    if (this.session) {
      const { data, response } = await this.client.POST('/api/auth/refresh', { body: { refreshToken: this.session.refreshToken } });
      if (response.ok && data) {
        this.session = { ...this.session, ...(data as LoginResponse) };
        return;
      }
    }
    await this.login();
  }

  private async login(): Promise<void> {
    const { data, error, response } = await this.client.POST('/api/auth/login', {
      // A tool, not a browser: the refresh token comes in the answer, not in a cookie.
      body: { email: this.email, password: this.password, tokenDelivery: 'body' },
    });
    if (!response.ok || !data) throw new ApiError(response.status, (error ?? null) as Partial<ErrorBody> | null, `sign-in of ${this.email}`);
    this.session = data as LoginResponse;
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
