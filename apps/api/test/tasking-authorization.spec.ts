import { randomUUID } from 'node:crypto';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';
import { Fixtures, signIn } from './support/fixtures';
import { http, type HttpAnswer } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Who may call which route of tasks and requests between agencies. Columns as in
 * domain-authorization.spec.ts: lead (commander of the lead agency, whose team is tasked), part
 * (commander of a participating agency), obs (observer), out (agency not in the operation), field
 * (field officer of the lead, member of the tasked team), admin (of an agency not in the
 * operation), none (no token). Targets are TLP:GREEN so that every member can see them: the
 * refusals measured are about acting, not seeing (seeing is tasking.spec.ts's).
 */
type Actor = 'lead' | 'part' | 'obs' | 'out' | 'field' | 'admin' | 'none';
const ACTORS: Actor[] = ['lead', 'part', 'obs', 'out', 'field', 'admin', 'none'];
const row = (lead: number, part: number, obs: number, out: number, field: number, admin: number, none: number) =>
  ({ lead, part, obs, out, field, admin, none }) satisfies Record<Actor, number>;

// prettier-ignore
const EXPECTED: Record<string, Record<Actor, number>> = {
  //                                                              lead part obs  out  field admin none
  'GET /operations/:id/tasks':                                 row(200, 200, 200, 404, 200,  404,  401),
  'POST /operations/:id/tasks':                                row(201, 403, 403, 404, 403,  404,  401),
  'GET /operations/:id/tasks/:task':                           row(200, 200, 200, 404, 200,  404,  401),
  'POST /operations/:id/tasks/:task/transitions':              row(200, 403, 403, 404, 200,  404,  401),
  'PUT /operations/:id/tasking-consent':                       row(403, 200, 403, 404, 403,  404,  401),
  'GET /operations/:id/requests':                              row(200, 200, 200, 404, 200,  404,  401),
  'POST /operations/:id/requests':                             row(201, 201, 403, 404, 403,  404,  401),
  'GET /operations/:id/requests/:request':                     row(200, 200, 200, 404, 200,  404,  401),
  'POST /operations/:id/requests/:request/transitions':        row(403, 200, 403, 404, 403,  404,  401),
  'POST /operations/:id/requests/:request/handover':           row(200, 200, 403, 404, 403,  404,  401),
  'POST /operations/:id/requests/:request/handover/confirm':   row(200, 200, 403, 404, 403,  404,  401),
  'GET /operations/:id/tasks/:task/messages':                  row(200, 200, 200, 404, 200,  404,  401),
  'POST /operations/:id/tasks/:task/messages':                 row(201, 201, 403, 404, 201,  404,  401),
  'GET /operations/:id/requests/:request/messages':            row(200, 200, 200, 404, 200,  404,  401),
  'POST /operations/:id/requests/:request/messages':           row(201, 201, 403, 404, 201,  404,  401),
  'GET /operations/:id/watched-areas':                         row(200, 200, 200, 404, 200,  404,  401),
  'POST /operations/:id/watched-areas':                        row(201, 201, 403, 404, 403,  404,  401),
  // The lead's area: only its agency's commanders remove it (the other participant sees it, may not).
  'DELETE /operations/:id/watched-areas/:area':                row(204, 403, 403, 404, 403,  404,  401),
};

describe('tasking: authorization matrix', () => {
  let t: TestApp;
  let db: Fixtures;
  const tokens = {} as Record<Actor, string | undefined>;
  const agency: Record<string, string> = {};
  let operationId: string;
  let teamId: string;

  const call = (method: string, path: string, token: string | undefined, body?: unknown) => http(t.baseUrl, method, `/api/operations/${operationId}${path}`, { token, body });
  const asLead = (method: string, path: string, body?: unknown) => call(method, path, tokens.lead, body);
  const newTask = async () => (await asLead('POST', '/tasks', { clientId: randomUUID(), teamId, kind: 'hold', title: 'Hold the bridge', marking: 'TLP:GREEN' })).body.id as string;
  const newRequest = async () =>
    (await asLead('POST', '/requests', { clientId: randomUUID(), toAgencyId: agency.part, kind: 'assist', subject: 'Assist at the bridge', marking: 'TLP:GREEN' })).body.id as string;
  const accepted = async () => {
    const id = await newRequest();
    expect((await call('POST', `/requests/${id}/transitions`, tokens.part, { clientId: randomUUID(), to: 'accepted' })).status).toBe(200);
    return id;
  };
  const AREA = { type: 'Polygon', coordinates: [[[106.1, 11.0], [106.2, 11.0], [106.2, 11.1], [106.1, 11.1], [106.1, 11.0]]] };
  const newWatchedArea = async () =>
    (await asLead('POST', '/watched-areas', { clientId: randomUUID(), name: 'Landing', area: AREA, noTeamMinutes: 30, marking: 'TLP:GREEN' })).body.id as string;
  const HANDOVER = { persons: { adults: 2 }, documents: 1 };

  const CALLS: Record<string, (token: string | undefined, actor: Actor) => Promise<HttpAnswer>> = {
    'GET /operations/:id/tasks': (token) => call('GET', '/tasks', token),
    'POST /operations/:id/tasks': (token) => call('POST', '/tasks', token, { clientId: randomUUID(), teamId, kind: 'move_to', title: 'Move', marking: 'TLP:GREEN' }),
    'GET /operations/:id/tasks/:task': async (token) => call('GET', `/tasks/${await newTask()}`, token),
    'POST /operations/:id/tasks/:task/transitions': async (token) => call('POST', `/tasks/${await newTask()}/transitions`, token, { clientId: randomUUID(), to: 'acknowledged' }),
    'PUT /operations/:id/tasking-consent': (token) => call('PUT', '/tasking-consent', token, { leadMayTask: false }),
    'GET /operations/:id/requests': (token) => call('GET', '/requests', token),
    'POST /operations/:id/requests': (token, actor) =>
      call('POST', '/requests', token, { clientId: randomUUID(), toAgencyId: actor === 'lead' ? agency.part : agency.lead, kind: 'assist', subject: 'Assist', marking: 'TLP:GREEN' }),
    'GET /operations/:id/requests/:request': async (token) => call('GET', `/requests/${await newRequest()}`, token),
    'POST /operations/:id/requests/:request/transitions': async (token) => call('POST', `/requests/${await newRequest()}/transitions`, token, { clientId: randomUUID(), to: 'accepted' }),
    'POST /operations/:id/requests/:request/handover': async (token) => call('POST', `/requests/${await accepted()}/handover`, token, { clientId: randomUUID(), ...HANDOVER }),
    'GET /operations/:id/tasks/:task/messages': async (token) => call('GET', `/tasks/${await newTask()}/messages`, token),
    'POST /operations/:id/tasks/:task/messages': async (token) => call('POST', `/tasks/${await newTask()}/messages`, token, { clientId: randomUUID(), body: 'On our way' }),
    'GET /operations/:id/requests/:request/messages': async (token) => call('GET', `/requests/${await newRequest()}/messages`, token),
    'POST /operations/:id/requests/:request/messages': async (token) => call('POST', `/requests/${await newRequest()}/messages`, token, { clientId: randomUUID(), body: 'Coming' }),
    'GET /operations/:id/watched-areas': (token) => call('GET', '/watched-areas', token),
    'POST /operations/:id/watched-areas': (token) =>
      call('POST', '/watched-areas', token, { clientId: randomUUID(), name: 'Landing', area: AREA, noTeamMinutes: 30, marking: 'TLP:GREEN' }),
    'DELETE /operations/:id/watched-areas/:area': async (token) => call('DELETE', `/watched-areas/${await newWatchedArea()}`, token),
    'POST /operations/:id/requests/:request/handover/confirm': async (token) => {
      const id = await accepted();
      expect((await asLead('POST', `/requests/${id}/handover`, { clientId: randomUUID(), ...HANDOVER })).status).toBe(200);
      return call('POST', `/requests/${id}/handover/confirm`, token, { clientId: randomUUID() });
    },
  };

  beforeAll(async () => {
    t = await startTestApp({ WRITES_PER_SECOND: '1000' });
    db = await Fixtures.open(t.database.url);
    for (const name of ['lead', 'part', 'obs', 'out', 'admin']) agency[name] = (await db.agency({ code: `${name.toUpperCase()}-TA` })).id;
    const users = {
      lead: await db.user({ agencyId: agency.lead, role: 'commander' }),
      part: await db.user({ agencyId: agency.part, role: 'commander' }),
      obs: await db.user({ agencyId: agency.obs, role: 'commander' }),
      out: await db.user({ agencyId: agency.out, role: 'commander' }),
      field: await db.user({ agencyId: agency.lead, role: 'field' }),
      admin: await db.user({ agencyId: agency.admin, role: 'admin' }),
    };
    for (const actor of ['lead', 'part', 'obs', 'out', 'field', 'admin'] as const) tokens[actor] = (await signIn(t.baseUrl, users[actor].email)).accessToken;
    tokens.none = undefined;
    operationId = (await arrangeOperation(db, { leadAgencyId: agency.lead, members: [{ agencyId: agency.part, role: 'participant' }, { agencyId: agency.obs, role: 'observer' }] })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: agency.lead, memberUserIds: [users.field.id] })).id;
  });
  afterAll(async () => {
    await db?.close();
    await t?.close();
  });

  it('covers every route of tasks, requests and watched areas', () => {
    expect(Object.keys(CALLS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.keys(EXPECTED))('%s', async (route) => {
    const actual = {} as Record<Actor, number>;
    for (const actor of ACTORS) {
      const answer = await CALLS[route](tokens[actor], actor);
      actual[actor] = answer.status;
      if (answer.status >= 400) expect({ actor, code: answer.body.code, message: answer.body.message }).toEqual({ actor, code: expect.any(String), message: expect.any(String) });
    }
    expect(actual).toEqual(EXPECTED[route]);
  });
});
