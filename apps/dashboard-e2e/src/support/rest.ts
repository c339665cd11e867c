import type { ApiPaths } from '@lintas/contracts';
import createClient, { type Client } from 'openapi-fetch';

/** The REST API typed from its OpenAPI document (generated types in the contracts), through openapi-fetch. */
export type LintasClient = Client<ApiPaths>;

/** What an openapi-fetch call answers, whatever the route. */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * The Lintas REST API from the test process, for arranging and checking what the browser did: sign
 * in as a demo account, then call routes with its token, e.g.
 * `session.call<Team[]>((api) => api.GET('/api/operations/{id}/teams', { params: { path: { id } } }))`.
 */
export interface RestSession {
  token: string;
  user: { id: string; email: string; role: string; agency: { id: string; code: string } };
  /** The answer of a 2xx, typed by the caller (the document describes few answers yet); throws with the status and the server's message otherwise. */
  call<T = unknown>(send: (api: LintasClient) => Promise<Answer>): Promise<T>;
}

export async function restSignIn(baseUrl: string, email: string, password: string): Promise<RestSession> {
  const login = await answerOf<{ accessToken: string; user: RestSession['user'] }>(createClient<ApiPaths>({ baseUrl }).POST('/api/auth/login', { body: { email, password } }));
  const token = login.accessToken;
  const api = createClient<ApiPaths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  return { token, user: login.user, call: (send) => answerOf(send(api)) };
}

async function answerOf<T>(pending: Promise<Answer>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw new Error(`${new URL(response.url).pathname} answered ${response.status}: ${JSON.stringify(error)}`);
  return data as T;
}
