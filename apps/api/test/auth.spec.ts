import { Fixtures, signIn, TEST_PASSWORD } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('sign-in and sessions', () => {
  let t: TestApp;
  let db: Fixtures;
  let agency: { id: string; code: string };
  let commander: { id: string; email: string };

  beforeAll(async () => {
    t = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '60' });
    db = await Fixtures.open(t.database.url);
    agency = await db.agency({ code: 'KH-GDI', name: 'General Department of Immigration' });
    commander = await db.user({ agencyId: agency.id, role: 'commander', email: 'commander@test.lintas', name: 'Sok Dara' });
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('POST /api/auth/login with tokenDelivery "body" (tools) answers both tokens and the user with its agency, and sets no cookie', async () => {
    const { status, body, headers } = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: 'Commander@Test.Lintas', password: TEST_PASSWORD, tokenDelivery: 'body' } });
    expect(status).toBe(200);
    expect(headers.get('set-cookie')).toBeNull();
    expect(body.accessToken).toEqual(expect.any(String));
    expect(body.refreshToken).toEqual(expect.any(String));
    expect(body.user).toEqual({
      id: commander.id,
      email: 'commander@test.lintas',
      name: 'Sok Dara',
      role: 'commander',
      disabled: false,
      passwordSet: true,
      // Read as the sign-in began, before its own refresh token existed.
      signedIn: false,
      agency: { id: agency.id, code: 'KH-GDI', name: 'General Department of Immigration' },
      preferences: { language: null, timeDisplay: 'local' },
    });
  });

  it('a wrong password and an unknown account answer the same 401', async () => {
    const wrong = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: commander.email, password: 'not it at all' } });
    const unknown = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: 'nobody@test.lintas', password: 'not it at all' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rejects a malformed sign-in body with 400 naming the field', async () => {
    const { status, body } = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: 'not-an-email', password: 'x', extra: 1 } });
    expect(status).toBe(400);
    expect(body.message).toContain('email');
    expect(body.message).toContain('unknown field');
  });

  it('GET /api/me answers the same user with a token and 401 without or with a forged one', async () => {
    const session = await signIn(t.baseUrl, commander.email);
    const me = await http(t.baseUrl, 'GET', '/api/me', { token: session.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(session.user);
    expect((await http(t.baseUrl, 'GET', '/api/me')).status).toBe(401);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: session.accessToken.slice(0, -3) + 'abc' })).status).toBe(401);
  });

  it('refresh rotates the token; reusing the old one ends the whole sign-in', async () => {
    const session = await signIn(t.baseUrl, commander.email);
    const rotated = await http(t.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refreshToken).not.toBe(session.refreshToken);
    const reused = await http(t.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } });
    expect(reused.status).toBe(401);
    // The theft response revoked the family: the rotated token and its access token stop working too.
    expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: rotated.body.refreshToken } })).status).toBe(401);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: rotated.body.accessToken })).status).toBe(401);
  });

  it('logout ends the session at once', async () => {
    const session = await signIn(t.baseUrl, commander.email);
    const out = await http(t.baseUrl, 'POST', '/api/auth/logout', { token: session.accessToken, body: { refreshToken: session.refreshToken } });
    expect(out.status).toBe(204);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: session.accessToken })).status).toBe(401);
  });

  it('a disabled user is refused at once, even with a live access token', async () => {
    const officer = await db.user({ agencyId: agency.id, role: 'field' });
    const session = await signIn(t.baseUrl, officer.email);
    await db.query('UPDATE users SET disabled = true WHERE id = $1', [officer.id]);
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: session.accessToken })).status).toBe(401);
    expect((await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: officer.email, password: TEST_PASSWORD } })).status).toBe(401);
  });

  it('throttles repeated failures for one account with 429', async () => {
    const target = await db.user({ agencyId: agency.id, role: 'liaison' });
    for (let i = 0; i < 5; i++) {
      expect((await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: target.email, password: 'guess ' + i } })).status).toBe(401);
    }
    const blocked = await http(t.baseUrl, 'POST', '/api/auth/login', { body: { email: target.email, password: TEST_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/try again/);
  });

  it('records sign-ins and failures in the audit trail', async () => {
    const rows = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'auth.%'`);
    const actions = rows.map((row) => row.action);
    expect(actions).toContain('auth.login');
    expect(actions).toContain('auth.login_failed');
  });
});
