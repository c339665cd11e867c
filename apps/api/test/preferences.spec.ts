import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/** `PUT /api/me/preferences`: a user's own language and time display, kept on the server. */
describe('user preferences', () => {
  let t: TestApp;
  let db: Fixtures;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const agency = await db.agency({ country: 'KH' });
    const liaison = await db.user({ agencyId: agency.id, role: 'liaison' });
    const other = await db.user({ agencyId: agency.id, role: 'field' });
    token = (await signIn(t.baseUrl, liaison.email)).accessToken;
    otherToken = (await signIn(t.baseUrl, other.email)).accessToken;
  });

  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('starts unchosen: no language, local time', async () => {
    const me = await http(t.baseUrl, 'GET', '/api/me', { token });
    expect(me.body.preferences).toEqual({ language: null, timeDisplay: 'local' });
  });

  it('keeps what is given, leaves the rest, and answers the user as sign-in and /api/me do', async () => {
    const set = await http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body: { language: 'th' } });
    expect(set.status).toBe(200);
    expect(set.body.preferences).toEqual({ language: 'th', timeDisplay: 'local' });
    const utc = await http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body: { timeDisplay: 'utc' } });
    expect(utc.body.preferences).toEqual({ language: 'th', timeDisplay: 'utc' });
    expect((await http(t.baseUrl, 'GET', '/api/me', { token })).body.preferences).toEqual({ language: 'th', timeDisplay: 'utc' });
    const email = (await http(t.baseUrl, 'GET', '/api/me', { token })).body.email as string;
    expect((await signIn(t.baseUrl, email)).user).toMatchObject({ preferences: { language: 'th', timeDisplay: 'utc' } });
    // null forgets the choice
    expect((await http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body: { language: null } })).body.preferences).toEqual({ language: null, timeDisplay: 'utc' });
  });

  it("changes only the caller's own", async () => {
    await http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body: { language: 'km' } });
    expect((await http(t.baseUrl, 'GET', '/api/me', { token: otherToken })).body.preferences).toEqual({ language: null, timeDisplay: 'local' });
  });

  it.each([
    [{ language: 'fr' }],
    [{ language: 'TH' }],
    [{ timeDisplay: 'operation' }],
    [{ language: 'th', userId: '00000000-0000-4000-8000-000000000000' }],
    [{ language: 7 }],
  ])('refuses %j with 400 and a message', async (body) => {
    const answer = await http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
  });
});
