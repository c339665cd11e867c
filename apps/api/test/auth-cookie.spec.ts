import { Fixtures, TEST_PASSWORD } from './support/fixtures';
import { http, type HttpAnswer } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/** The browser's way: the refresh token lives in an HttpOnly cookie; the page never sees it. */
describe('sign-in by cookie (browsers)', () => {
  let t: TestApp;
  let db: Fixtures;
  let agency: { id: string };
  let origin: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    agency = await db.agency();
    origin = t.baseUrl;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  /** The one Set-Cookie of the refresh cookie, as sent. */
  function refreshCookieOf(answer: HttpAnswer): string | null {
    return answer.headers.getSetCookie().find((line) => line.startsWith('lintas_refresh=')) ?? null;
  }

  function valueOf(setCookie: string | null): string {
    if (!setCookie) throw new Error('no refresh cookie was set');
    return setCookie.split(';')[0].slice('lintas_refresh='.length);
  }

  /** What the dashboard sends: its own Origin, the CSRF header and (the browser adds it) the cookie. */
  function fromPage(cookie: string | null, extra: Record<string, string> = {}): Record<string, string> {
    return { origin, 'x-lintas-csrf': '1', ...(cookie ? { cookie: `theme=dark; lintas_refresh=${cookie}` } : {}), ...extra };
  }

  async function browserSignIn(): Promise<{ accessToken: string; cookie: string; answer: HttpAnswer }> {
    const user = await db.user({ agencyId: agency.id, role: 'commander' });
    const answer = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD }, headers: { origin } });
    expect(answer.status).toBe(200);
    return { accessToken: answer.body.accessToken, cookie: valueOf(refreshCookieOf(answer)), answer };
  }

  it('signs in with the refresh token in an HttpOnly, SameSite=Strict cookie scoped to /api/auth, and not in the answer', async () => {
    const { answer, accessToken } = await browserSignIn();
    const setCookie = refreshCookieOf(answer)!;
    const attributes = setCookie.split(';').slice(1).map((part) => part.trim());
    expect(attributes).toEqual(expect.arrayContaining(['Path=/api/auth', 'HttpOnly', 'SameSite=Strict', 'Max-Age=1209600']));
    expect(attributes).not.toContain('Secure'); // plain HTTP and AUTH_COOKIE_SECURE=auto
    expect(Object.keys(answer.body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: accessToken })).status).toBe(200);
  });

  it('marks the cookie Secure when the request came over HTTPS through a proxy on this host (AUTH_COOKIE_SECURE=auto)', async () => {
    const user = await db.user({ agencyId: agency.id, role: 'commander' });
    const answer = await http(t.baseUrl, 'POST', '/api/auth/login', {
      body: { email: user.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(refreshCookieOf(answer)!.split(';').map((part) => part.trim())).toContain('Secure');
  });

  it('refreshes by cookie: a new access token, the rotated token back in the cookie, none in the answer', async () => {
    const { cookie } = await browserSignIn();
    const answer = await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(cookie) });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
    const rotated = valueOf(refreshCookieOf(answer));
    expect(rotated).not.toBe(cookie);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: answer.body.accessToken })).status).toBe(200);
    expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(rotated) })).status).toBe(200);
  });

  it('refuses a cookie refresh without the CSRF header, without an Origin or from another site (403), and spends nothing', async () => {
    const { cookie } = await browserSignIn();
    const noHeader = await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: { origin, cookie: `lintas_refresh=${cookie}` } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.message).toBe('Refused: a request that uses the sign-in cookie must send the header X-Lintas-CSRF: 1 (tools send the refresh token in the body instead)');
    const noOrigin = await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: { 'x-lintas-csrf': '1', cookie: `lintas_refresh=${cookie}` } });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.message).toMatch(/must come from the Lintas page/);
    const otherSite = await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(cookie, { origin: 'http://evil.example' }) });
    expect(otherSite.status).toBe(403);
    expect(otherSite.body.message).toBe('Refused: the request came from another site (http://evil.example)');
    for (const refused of [noHeader, noOrigin, otherSite]) expect(refreshCookieOf(refused)).toBeNull();

    // The token was not rotated by the refused attempts: the page's own refresh still works.
    expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(cookie) })).status).toBe(200);
  });

  it('refuses a sign-in sent by a page of another site (403)', async () => {
    const user = await db.user({ agencyId: agency.id, role: 'commander' });
    const answer = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD }, headers: { origin: 'https://evil.example' } });
    expect(answer.status).toBe(403);
    expect(refreshCookieOf(answer)).toBeNull();
  });

  it('answers 401 to a cookie refresh with no cookie', async () => {
    const answer = await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(null) });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toBe('Not signed in on this browser (no sign-in cookie); sign in again');
  });

  it('two tabs refreshing with one cookie at once both get an access token, and the sign-in goes on', async () => {
    const { cookie } = await browserSignIn();
    const [a, b] = await Promise.all([0, 1].map(() => http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(cookie) })));
    expect([a.status, b.status]).toEqual([200, 200]);
    // One of them rotated the token and set the cookie; the other kept the browser's cookie as it is.
    const set = [a, b].map(refreshCookieOf).filter((line): line is string => line !== null);
    expect(set).toHaveLength(1);
    for (const answer of [a, b]) expect((await http(t.baseUrl, 'GET', '/api/me', { token: answer.body.accessToken })).status).toBe(200);
    expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(valueOf(set[0])) })).status).toBe(200);
  });

  it('a rotated token sent again after the grace ends the whole sign-in and clears the cookie', async () => {
    const { cookie } = await browserSignIn();
    const first = await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(cookie) });
    const rotated = valueOf(refreshCookieOf(first));
    await db.query(`UPDATE refresh_tokens SET revoked_at = now() - interval '31 seconds' WHERE replaced_by IS NOT NULL AND revoked_at > now() - interval '1 minute'`);

    const reused = await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(cookie) });
    expect(reused.status).toBe(401);
    expect(refreshCookieOf(reused)).toMatch(/^lintas_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(rotated) })).status).toBe(401);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: first.body.accessToken })).status).toBe(401);
  });

  it('signs out by cookie: clears the cookie and ends the sign-in; without the CSRF header it is refused and the sign-in lives on', async () => {
    const { cookie, accessToken } = await browserSignIn();
    const refused = await http(t.baseUrl, 'POST', '/api/auth/logout', { headers: { origin, cookie: `lintas_refresh=${cookie}` } });
    expect(refused.status).toBe(403);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: accessToken })).status).toBe(200);

    const out = await http(t.baseUrl, 'POST', '/api/auth/logout', { headers: fromPage(cookie) });
    expect(out.status).toBe(204);
    const cleared = refreshCookieOf(out)!;
    expect(cleared).toMatch(/^lintas_refresh=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
    expect(cleared).toMatch(/Path=\/api\/auth/);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: accessToken })).status).toBe(401);
    expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { headers: fromPage(cookie) })).status).toBe(401);
  });

  it('tools keep the body: sign in with tokenDelivery "body", refresh and sign out with the token in the body, no cookie and no CSRF header', async () => {
    const user = await db.user({ agencyId: agency.id, role: 'field' });
    const login = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: user.email, password: TEST_PASSWORD, tokenDelivery: 'body' } });
    expect(login.body.refreshToken).toEqual(expect.any(String));
    expect(refreshCookieOf(login)).toBeNull();
    const refreshed = await http(t.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refreshToken).toEqual(expect.any(String));
    expect(refreshed.body.refreshToken).not.toBe(login.body.refreshToken);
    expect(refreshCookieOf(refreshed)).toBeNull();
    const out = await http(t.baseUrl, 'POST', '/api/auth/logout', { body: { refreshToken: refreshed.body.refreshToken } });
    expect(out.status).toBe(204);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: refreshed.body.accessToken })).status).toBe(401);
  });

  it('documents both deliveries in the OpenAPI document', async () => {
    const doc = (await http(t.baseUrl, 'GET', '/api/docs-json')).body;
    const login = doc.paths['/api/auth/login'].post;
    expect(login.description).toContain('tokenDelivery');
    expect(login.requestBody.content['application/json'].schema.properties.tokenDelivery.enum).toEqual(['cookie', 'body']);
    expect(doc.paths['/api/auth/refresh'].post.description).toContain('X-Lintas-CSRF: 1');
  });
});
