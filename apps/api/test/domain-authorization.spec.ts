import { randomBytes } from 'node:crypto';
import { expiredTokenOf } from './support/arrange-operation';
import { Fixtures, signIn } from './support/fixtures';
import { http, type HttpAnswer } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Who may call which endpoint of the operations domain. Columns:
 *   lead    a commander of the operation's lead agency ("own agency")
 *   part    a commander of a participating agency
 *   obs     a commander of an observing agency
 *   out     a commander of an agency that does not take part
 *   field   a field officer of the lead agency, member of the lead's team
 *   admin   an administrator (of an agency that does not take part)
 *   none    no token
 *   expired a token of the lead commander's live sign-in, signed with the right secret but expired
 */
type Actor = 'lead' | 'part' | 'obs' | 'out' | 'field' | 'admin' | 'none' | 'expired';
const ACTORS: Actor[] = ['lead', 'part', 'obs', 'out', 'field', 'admin', 'none', 'expired'];

const row = (lead: number, part: number, obs: number, out: number, field: number, admin: number, none: number, expired: number) =>
  ({ lead, part, obs, out, field, admin, none, expired }) satisfies Record<Actor, number>;

// prettier-ignore
const EXPECTED: Record<string, Record<Actor, number>> = {
  //                                                    lead part obs  out  field admin none expired
  'GET /api/agencies':                              row(200, 200, 200, 200, 200,  200,  401, 401),
  'GET /api/agencies/:id':                          row(200, 200, 200, 200, 200,  200,  401, 401),
  'POST /api/agencies':                             row(403, 403, 403, 403, 403,  201,  401, 401),
  'PATCH /api/agencies/:id':                        row(403, 403, 403, 403, 403,  200,  401, 401),
  'GET /api/users':                                 row(200, 200, 200, 200, 403,  200,  401, 401),
  'POST /api/users':                                row(403, 403, 403, 403, 403,  201,  401, 401),
  'PATCH /api/users/:id':                           row(403, 403, 403, 403, 403,  200,  401, 401),
  'POST /api/users/:id/reset-password':             row(403, 403, 403, 403, 403,  200,  401, 401),
  'GET /api/audit':                                 row(403, 403, 403, 403, 403,  200,  401, 401),
  // Public: the token is the proof; a made-up one is refused whoever sends it.
  'POST /api/auth/set-password':                    row(400, 400, 400, 400, 400,  400,  400, 400),
  'GET /api/sites':                                 row(200, 200, 200, 200, 200,  200,  401, 401),
  'GET /api/sites/:id':                             row(200, 200, 200, 200, 200,  200,  401, 401),
  'POST /api/sites':                                row(403, 403, 403, 403, 403,  201,  401, 401),
  'PATCH /api/sites/:id':                           row(403, 403, 403, 403, 403,  200,  401, 401),
  'GET /api/operations':                            row(200, 200, 200, 200, 200,  200,  401, 401),
  'POST /api/operations':                           row(201, 201, 201, 201, 403,  201,  401, 401),
  'GET /api/operations/:id':                        row(200, 200, 200, 404, 200,  404,  401, 401),
  'PATCH /api/operations/:id':                      row(200, 403, 403, 404, 403,  404,  401, 401),
  'POST /api/operations/:id/transition':            row(200, 403, 403, 404, 403,  404,  401, 401),
  'POST /api/operations/:id/participants':          row(201, 403, 403, 404, 403,  404,  401, 401),
  'DELETE /api/operations/:id/participants/:agency':row(204, 403, 403, 404, 403,  404,  401, 401),
  'POST /api/operations/:id/sites':                 row(201, 403, 403, 404, 403,  404,  401, 401),
  'DELETE /api/operations/:id/sites/:site':         row(204, 403, 403, 404, 403,  404,  401, 401),
  'GET /api/operations/:id/teams':                  row(200, 200, 200, 404, 200,  404,  401, 401),
  'POST /api/operations/:id/teams':                 row(201, 201, 403, 404, 403,  404,  401, 401),
  'PATCH /api/teams/:id':                           row(200, 403, 403, 404, 403,  404,  401, 401),
  'POST /api/teams/:id/status':                     row(200, 403, 403, 404, 200,  404,  401, 401),
  'GET /api/operations/:id/export':                 row(200, 200, 200, 404, 200,  404,  401, 401),
  'GET /api/operations/:id/teams/:team/devices':    row(200, 200, 200, 404, 200,  404,  401, 401),
  'POST /api/operations/:id/teams/:team/devices':   row(201, 403, 403, 404, 403,  404,  401, 401),
  'DELETE /api/operations/:id/teams/:team/devices/:uid': row(204, 403, 403, 404, 403, 404, 401, 401),
  // the caller's own language and time display: every signed-in role, nobody else's (the route names no user)
  'PUT /api/me/preferences':                        row(200, 200, 200, 200, 200,  200,  401, 401),
};

describe('operations domain: authorization matrix', () => {
  let t: TestApp;
  let db: Fixtures;
  const tokens = {} as Record<Actor, string | undefined>;
  let leadToken: string;
  let operationId: string;
  let leadTeamId: string;
  let agencyId: string;
  let siteId: string;
  let throwawayUserId: string;

  const unique = () => randomBytes(3).toString('hex').toUpperCase();
  const newOperation = async () => {
    const created = await http(t.baseUrl, 'POST', '/api/operations', { token: leadToken, body: { code: `OP-${unique()}`, name: 'Matrix operation' } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const newSite = async () =>
    (await db.query<{ id: string }>(`INSERT INTO sites (code, name, kind, country, lat, lon) VALUES ($1, 'Matrix post', 'land', 'KH', 11, 106) RETURNING id`, [`matrix-${unique().toLowerCase()}`]))[0].id;

  /** One request per row, made with the actor's token; rows that change state arrange their own target first. */
  const CALLS: Record<string, (token: string | undefined) => Promise<HttpAnswer>> = {
    'GET /api/agencies': (token) => http(t.baseUrl, 'GET', '/api/agencies', { token }),
    'GET /api/agencies/:id': (token) => http(t.baseUrl, 'GET', `/api/agencies/${agencyId}`, { token }),
    'POST /api/agencies': (token) => http(t.baseUrl, 'POST', '/api/agencies', { token, body: { code: `X-${unique()}`, name: 'New agency', country: 'LA', kind: 'police' } }),
    'PATCH /api/agencies/:id': (token) => http(t.baseUrl, 'PATCH', `/api/agencies/${agencyId}`, { token, body: { name: 'Observing agency' } }),
    'GET /api/users': (token) => http(t.baseUrl, 'GET', '/api/users', { token }),
    'POST /api/users': (token) =>
      http(t.baseUrl, 'POST', '/api/users', { token, body: { email: `new-${unique().toLowerCase()}@test.lintas`, name: 'New Officer', role: 'field', agencyId } }),
    'PATCH /api/users/:id': (token) => http(t.baseUrl, 'PATCH', `/api/users/${throwawayUserId}`, { token, body: { name: 'Renamed Officer' } }),
    'POST /api/users/:id/reset-password': (token) => http(t.baseUrl, 'POST', `/api/users/${throwawayUserId}/reset-password`, { token }),
    'GET /api/audit': (token) => http(t.baseUrl, 'GET', '/api/audit?limit=5', { token }),
    'POST /api/auth/set-password': (token) =>
      http(t.baseUrl, 'POST', '/api/auth/set-password', { token, body: { token: randomBytes(32).toString('base64url'), password: 'a long enough pass phrase' } }),
    'GET /api/sites': (token) => http(t.baseUrl, 'GET', '/api/sites?country=KH', { token }),
    'GET /api/sites/:id': (token) => http(t.baseUrl, 'GET', `/api/sites/${siteId}`, { token }),
    'POST /api/sites': (token) =>
      http(t.baseUrl, 'POST', '/api/sites', { token, body: { code: `new-${unique().toLowerCase()}`, name: 'New post', kind: 'river', country: 'LA', lat: 14, lon: 105.9 } }),
    'PATCH /api/sites/:id': (token) => http(t.baseUrl, 'PATCH', `/api/sites/${siteId}`, { token, body: { name: 'Renamed post' } }),
    'GET /api/operations': (token) => http(t.baseUrl, 'GET', '/api/operations', { token }),
    'POST /api/operations': (token) => http(t.baseUrl, 'POST', '/api/operations', { token, body: { code: `OP-${unique()}`, name: 'Operation by anyone' } }),
    'GET /api/operations/:id': (token) => http(t.baseUrl, 'GET', `/api/operations/${operationId}`, { token }),
    'PATCH /api/operations/:id': (token) => http(t.baseUrl, 'PATCH', `/api/operations/${operationId}`, { token, body: { description: 'Changed' } }),
    'POST /api/operations/:id/transition': async (token) => {
      // A suspended operation may always become active again and back: alternate between the two.
      const current = (await http(t.baseUrl, 'GET', `/api/operations/${operationId}`, { token: leadToken })).body.status as string;
      return http(t.baseUrl, 'POST', `/api/operations/${operationId}/transition`, { token, body: { status: current === 'active' ? 'suspended' : 'active' } });
    },
    'POST /api/operations/:id/participants': async (token) => {
      const agency = await db.agency({ country: 'LA' });
      return http(t.baseUrl, 'POST', `/api/operations/${operationId}/participants`, { token, body: { agencyId: agency.id, role: 'observer' } });
    },
    'DELETE /api/operations/:id/participants/:agency': async (token) => {
      const agency = await db.agency({ country: 'LA' });
      const added = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/participants`, { token: leadToken, body: { agencyId: agency.id, role: 'participant' } });
      expect(added.status).toBe(201);
      return http(t.baseUrl, 'DELETE', `/api/operations/${operationId}/participants/${agency.id}`, { token });
    },
    'POST /api/operations/:id/sites': async (token) => http(t.baseUrl, 'POST', `/api/operations/${operationId}/sites`, { token, body: { siteId: await newSite() } }),
    'DELETE /api/operations/:id/sites/:site': async (token) => {
      const site = await newSite();
      expect((await http(t.baseUrl, 'POST', `/api/operations/${operationId}/sites`, { token: leadToken, body: { siteId: site } })).status).toBe(201);
      return http(t.baseUrl, 'DELETE', `/api/operations/${operationId}/sites/${site}`, { token });
    },
    'GET /api/operations/:id/teams': (token) => http(t.baseUrl, 'GET', `/api/operations/${operationId}/teams`, { token }),
    'POST /api/operations/:id/teams': (token) => http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams`, { token, body: { callSign: `T-${unique()}`, size: 4 } }),
    'PATCH /api/teams/:id': (token) => http(t.baseUrl, 'PATCH', `/api/teams/${leadTeamId}`, { token, body: { size: 5 } }),
    'POST /api/teams/:id/status': (token) => http(t.baseUrl, 'POST', `/api/teams/${leadTeamId}/status`, { token, body: { status: 'engaged' } }),
    'GET /api/operations/:id/export': (token) => http(t.baseUrl, 'GET', `/api/operations/${operationId}/export?format=geojson`, { token }),
    'GET /api/operations/:id/teams/:team/devices': (token) => http(t.baseUrl, 'GET', `/api/operations/${operationId}/teams/${leadTeamId}/devices`, { token }),
    'POST /api/operations/:id/teams/:team/devices': (token) =>
      http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${leadTeamId}/devices`, { token, body: { uid: `ANDROID-${unique()}` } }),
    'DELETE /api/operations/:id/teams/:team/devices/:uid': async (token) => {
      const uid = `ANDROID-${unique()}`;
      expect((await http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${leadTeamId}/devices`, { token: leadToken, body: { uid } })).status).toBe(201);
      return http(t.baseUrl, 'DELETE', `/api/operations/${operationId}/teams/${leadTeamId}/devices/${uid}`, { token });
    },
    'PUT /api/me/preferences': (token) => http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body: { language: 'km', timeDisplay: 'utc' } }),
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const [lead, part, obs, out, adminAgency] = await Promise.all([
      db.agency({ code: 'LEAD' }),
      db.agency({ code: 'PART', country: 'VN' }),
      db.agency({ code: 'OBS', country: 'ID' }),
      db.agency({ code: 'OUT', country: 'PH' }),
      db.agency({ code: 'ADMIN', country: null, kind: 'international_organisation' }),
    ]);
    agencyId = obs.id;
    const users = {
      lead: await db.user({ agencyId: lead.id, role: 'commander' }),
      part: await db.user({ agencyId: part.id, role: 'commander' }),
      obs: await db.user({ agencyId: obs.id, role: 'commander' }),
      out: await db.user({ agencyId: out.id, role: 'commander' }),
      field: await db.user({ agencyId: lead.id, role: 'field' }),
      admin: await db.user({ agencyId: adminAgency.id, role: 'admin' }),
    };
    throwawayUserId = (await db.user({ agencyId: out.id, role: 'liaison' })).id;
    for (const actor of ['lead', 'part', 'obs', 'out', 'field', 'admin'] as const) tokens[actor] = (await signIn(t.baseUrl, users[actor].email)).accessToken;
    leadToken = tokens.lead!;
    tokens.none = undefined;
    tokens.expired = expiredTokenOf(leadToken);

    operationId = await newOperation();
    for (const [agency, role] of [[part.id, 'participant'], [obs.id, 'observer']] as const) {
      expect((await http(t.baseUrl, 'POST', `/api/operations/${operationId}/participants`, { token: leadToken, body: { agencyId: agency, role } })).status).toBe(201);
    }
    expect((await http(t.baseUrl, 'POST', `/api/operations/${operationId}/transition`, { token: leadToken, body: { status: 'active' } })).status).toBe(200);
    const team = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams`, {
      token: leadToken,
      body: { callSign: 'LEAD-1', size: 4, memberUserIds: [users.field.id] },
    });
    expect(team.status).toBe(201);
    leadTeamId = team.body.id;
    siteId = (await db.query<{ id: string }>(`SELECT id FROM sites WHERE code = 'kh-bavet'`))[0].id;
  });

  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('covers every route of the domain', () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', async (route) => {
    const actual = {} as Record<Actor, number>;
    for (const actor of ACTORS) {
      const answer = await CALLS[route](tokens[actor]);
      actual[actor] = answer.status;
      // Every refusal carries a message a person can act on.
      if (answer.status >= 400) expect(answer.body.message).toEqual(expect.any(String));
      if (actor === 'expired' && answer.status === 401) expect(answer.body.message).toBe('The access token has expired');
    }
    expect(actual).toEqual(EXPECTED[route]);
  });
});
