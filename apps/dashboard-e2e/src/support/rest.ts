/**
 * The Lintas REST API from the test process (Node's fetch), for arranging and checking what the
 * browser did: sign in as a demo account, then call routes with its token.
 */
export interface RestSession {
  token: string;
  user: { id: string; email: string; role: string; agency: { id: string; code: string } };
  /** JSON answer of a 2xx; throws with the status and the server's message otherwise. */
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export async function restSignIn(baseUrl: string, email: string, password: string): Promise<RestSession> {
  const login = await call<{ accessToken: string; user: RestSession['user'] }>(baseUrl, 'POST', '/api/auth/login', null, { email, password });
  const token = login.accessToken;
  return {
    token,
    user: login.user,
    get: (path) => call(baseUrl, 'GET', path, token),
    post: (path, body) => call(baseUrl, 'POST', path, token, body),
  };
}

async function call<T>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
