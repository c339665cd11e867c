import { randomUUID } from 'node:crypto';
import { expiredTokenOf, arrangeOperation, arrangeTeam } from './support/arrange-operation';
import { Fixtures, signIn } from './support/fixtures';
import { http, type HttpAnswer } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Who may call the document-check routes. Columns as in domain-authorization.spec.ts:
 *   lead  a commander of the lead agency (own agency)   part  a commander of a participating agency
 *   obs   a commander of an observing agency           out   a commander of an agency not taking part
 *   field a field officer of the lead agency, in its team   admin an administrator (agency not taking part)
 *   none  no token   expired  an expired token of the lead commander
 */
type Actor = 'lead' | 'part' | 'obs' | 'out' | 'field' | 'admin' | 'none' | 'expired';
const ACTORS: Actor[] = ['lead', 'part', 'obs', 'out', 'field', 'admin', 'none', 'expired'];
const row = (lead: number, part: number, obs: number, out: number, field: number, admin: number, none: number, expired: number) =>
  ({ lead, part, obs, out, field, admin, none, expired }) satisfies Record<Actor, number>;

// prettier-ignore
const EXPECTED: Record<string, Record<Actor, number>> = {
  //                                                    lead part obs  out  field admin none expired
  'POST /api/operations/:id/document-checks':       row(201, 403, 403, 404, 201,  404,  401, 401),
  'GET /api/operations/:id/document-checks':        row(200, 200, 200, 404, 200,  404,  401, 401),
  'GET /api/operations/:id/document-checks/figures':row(200, 200, 200, 404, 200,  404,  401, 401),
  'POST /api/document-checks/:id/outcome':          row(200, 403, 404, 404, 403,  404,  401, 401),
  'PUT /api/document-lists/:agencyCode':            row(200, 403, 403, 403, 403,  200,  401, 401),
};

const HEADER = 'issuingCountry,documentType,documentNumber,status,source,reportedAt';

describe('document checks: authorization matrix', () => {
  let t: TestApp;
  let db: Fixtures;
  const tokens = {} as Record<Actor, string | undefined>;
  let operationId: string;
  let teamId: string;
  let version = 0;

  const newHit = async (): Promise<string> => {
    const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, {
      token: tokens.field,
      body: { clientId: randomUUID(), teamId, documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001' },
    });
    expect(answer.body.result).toBe('potential_hit');
    return answer.body.id as string;
  };

  const CALLS: Record<string, (token: string | undefined) => Promise<HttpAnswer>> = {
    'POST /api/operations/:id/document-checks': (token) =>
      http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, { token, body: { clientId: randomUUID(), teamId, documentType: 'id_card', issuingCountry: 'KHM', documentNumber: 'X1' } }),
    'GET /api/operations/:id/document-checks': (token) => http(t.baseUrl, 'GET', `/api/operations/${operationId}/document-checks`, { token }),
    'GET /api/operations/:id/document-checks/figures': (token) => http(t.baseUrl, 'GET', `/api/operations/${operationId}/document-checks/figures`, { token }),
    'POST /api/document-checks/:id/outcome': async (token) => http(t.baseUrl, 'POST', `/api/document-checks/${await newHit()}/outcome`, { token, body: { outcome: 'false_positive', note: 'Not the listed document' } }),
    // A different file each time: each allowed import applies a new version.
    'PUT /api/document-lists/:agencyCode': (token) =>
      http(t.baseUrl, 'PUT', '/api/document-lists/LEAD', { token, rawBody: `${HEADER}\nKHM,passport,N0000001,stolen,Test list v${++version},\n`, headers: { 'content-type': 'text/csv' } }),
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const [lead, part, obs, out, adminAgency] = [
      await db.agency({ code: 'LEAD' }),
      await db.agency({ code: 'PART', country: 'VN' }),
      await db.agency({ code: 'OBS', country: 'ID' }),
      await db.agency({ code: 'OUT', country: 'PH' }),
      await db.agency({ code: 'ADMIN', country: null, kind: 'international_organisation' }),
    ];
    const users = {
      lead: await db.user({ agencyId: lead.id, role: 'commander' }),
      part: await db.user({ agencyId: part.id, role: 'commander' }),
      obs: await db.user({ agencyId: obs.id, role: 'commander' }),
      out: await db.user({ agencyId: out.id, role: 'commander' }),
      field: await db.user({ agencyId: lead.id, role: 'field' }),
      admin: await db.user({ agencyId: adminAgency.id, role: 'admin' }),
    };
    for (const actor of ['lead', 'part', 'obs', 'out', 'field', 'admin'] as const) tokens[actor] = (await signIn(t.baseUrl, users[actor].email)).accessToken;
    tokens.none = undefined;
    tokens.expired = expiredTokenOf(tokens.lead!);
    operationId = (await arrangeOperation(db, { leadAgencyId: lead.id, members: [{ agencyId: part.id, role: 'participant' }, { agencyId: obs.id, role: 'observer' }] })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: lead.id, memberUserIds: [users.field.id] })).id;
    const list = await http(t.baseUrl, 'PUT', '/api/document-lists/LEAD', { token: tokens.lead, rawBody: `${HEADER}\nKHM,passport,N0000001,stolen,Test list,\n`, headers: { 'content-type': 'text/csv' } });
    expect(list.status).toBe(200);
  });

  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it.each(Object.keys(EXPECTED))('%s', async (route) => {
    const actual = {} as Record<Actor, number>;
    for (const actor of ACTORS) {
      const answer = await CALLS[route](tokens[actor]);
      actual[actor] = answer.status;
      if (answer.status >= 400) expect(answer.body.code).toEqual(expect.any(String));
    }
    expect(actual).toEqual(EXPECTED[route]);
  });
});
