import { randomUUID } from 'node:crypto';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('teams', () => {
  let t: TestApp;
  let db: Fixtures;
  let lead: { id: string; code: string };
  let part: { id: string; code: string };
  let obs: { id: string; code: string };
  let operationId: string;
  let leadToken: string;
  let partToken: string;
  let obsToken: string;
  let fieldToken: string;
  let otherFieldToken: string;
  let field: { id: string; email: string };
  let otherField: { id: string; email: string };
  let partField: { id: string };
  let bavet: string;

  const api = (method: string, path: string, token: string, body?: unknown) => http(t.baseUrl, method, path, { token, body });
  const callSigns = async (token: string) => (await api('GET', `/api/operations/${operationId}/teams`, token)).body.map((team: { callSign: string }) => team.callSign);

  beforeAll(async () => {
    t = await startTestApp({ POSITION_STALE_SECONDS: '300' });
    db = await Fixtures.open(t.database.url);
    lead = await db.agency({ code: 'KH-LEAD' });
    part = await db.agency({ code: 'VN-PART', country: 'VN' });
    obs = await db.agency({ code: 'ID-OBS', country: 'ID' });
    const leadCommander = await db.user({ agencyId: lead.id, role: 'commander' });
    field = await db.user({ agencyId: lead.id, role: 'field', name: 'Chea Sophal' });
    otherField = await db.user({ agencyId: lead.id, role: 'field', name: 'Heng Vannak' });
    partField = await db.user({ agencyId: part.id, role: 'field' });
    leadToken = (await signIn(t.baseUrl, leadCommander.email)).accessToken;
    partToken = (await signIn(t.baseUrl, (await db.user({ agencyId: part.id, role: 'commander' })).email)).accessToken;
    obsToken = (await signIn(t.baseUrl, (await db.user({ agencyId: obs.id, role: 'commander' })).email)).accessToken;
    fieldToken = (await signIn(t.baseUrl, field.email)).accessToken;
    otherFieldToken = (await signIn(t.baseUrl, otherField.email)).accessToken;
    const operation = await api('POST', '/api/operations', leadToken, { code: 'OP-TEAMS', name: 'Teams' });
    operationId = operation.body.id;
    await api('POST', `/api/operations/${operationId}/participants`, leadToken, { agencyId: part.id, role: 'participant' });
    await api('POST', `/api/operations/${operationId}/participants`, leadToken, { agencyId: obs.id, role: 'observer' });
    await api('POST', `/api/operations/${operationId}/transition`, leadToken, { status: 'active' });
    bavet = (await db.query<{ id: string }>(`SELECT id FROM sites WHERE code = 'kh-bavet'`))[0].id;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('a commander deploys a team of its own agency; the event carries the team and its marking', async () => {
    const created = await api('POST', `/api/operations/${operationId}/teams`, leadToken, {
      callSign: 'BAVET-1',
      size: 6,
      status: 'on_station',
      siteId: bavet,
      memberUserIds: [field.id],
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      operationId,
      agency: { id: lead.id, code: 'KH-LEAD', name: 'Agency KH-LEAD' },
      callSign: 'BAVET-1',
      size: 6,
      status: 'on_station',
      siteId: bavet,
      members: [{ userId: field.id, name: 'Chea Sophal' }],
      marking: 'TLP:GREEN',
      recipientAgencyIds: [],
      lastPosition: null,
      stale: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const [event] = await db.query(`SELECT type, marking, origin_agency_id, recipient_agency_ids, payload FROM operation_events WHERE operation_id = $1 AND type = 'team.created'`, [operationId]);
    expect(event).toEqual({ type: 'team.created', marking: 'TLP:GREEN', origin_agency_id: lead.id, recipient_agency_ids: [], payload: { team: created.body } });
    const members = await db.query('SELECT user_id FROM team_members WHERE team_id = $1', [created.body.id]);
    expect(members).toEqual([{ user_id: field.id }]);
    expect(members).not.toContainEqual({ user_id: otherField.id });
  });

  it.each([
    ['a member of another agency', () => ({ callSign: 'X-1', size: 2, memberUserIds: [partField.id] }), 400, 'memberUserIds: not enabled users of the team'],
    ['an unknown member', () => ({ callSign: 'X-2', size: 2, memberUserIds: [randomUUID()] }), 400, 'memberUserIds'],
    ['an unknown site', () => ({ callSign: 'X-3', size: 2, siteId: randomUUID() }), 400, 'siteId: no site'],
    ['recipients without TLP:RED', () => ({ callSign: 'X-4', size: 2, marking: 'TLP:AMBER', recipientAgencyIds: [part.id] }), 400, 'recipients are named only for TLP:RED'],
    ['a recipient outside the operation', () => ({ callSign: 'X-5', size: 2, marking: 'TLP:RED', recipientAgencyIds: [randomUUID()] }), 400, 'not taking part in the operation'],
    ['a taken call sign', () => ({ callSign: 'BAVET-1', size: 2 }), 409, 'The call sign BAVET-1 is already used in this operation'],
    ['a size of 0', () => ({ callSign: 'X-6', size: 0 }), 400, 'size'],
    ['an unknown field', () => ({ callSign: 'X-7', size: 2, colour: 'blue' }), 400, 'unknown field(s): colour'],
  ])('refuses %s', async (_case, body, status, message) => {
    const answer = await api('POST', `/api/operations/${operationId}/teams`, leadToken, body());
    expect(answer.status).toBe(status);
    expect(answer.body.message).toContain(message);
  });

  it('each viewer sees the teams the handling marking allows', async () => {
    expect((await api('POST', `/api/operations/${operationId}/teams`, partToken, { callSign: 'VN-AMBER', size: 3, marking: 'TLP:AMBER' })).status).toBe(201);
    expect((await api('POST', `/api/operations/${operationId}/teams`, partToken, { callSign: 'VN-STRICT', size: 3, marking: 'TLP:AMBER+STRICT' })).status).toBe(201);
    const red = await api('POST', `/api/operations/${operationId}/teams`, partToken, { callSign: 'VN-RED', size: 3, marking: 'TLP:RED', recipientAgencyIds: [obs.id] });
    expect(red.status).toBe(201);
    expect(await callSigns(leadToken)).toEqual(['BAVET-1', 'VN-AMBER', 'VN-STRICT']);
    expect(await callSigns(partToken)).toEqual(['BAVET-1', 'VN-AMBER', 'VN-RED', 'VN-STRICT']);
    expect(await callSigns(obsToken)).toEqual(['BAVET-1', 'VN-RED']);
    // A team the caller may not see does not exist for it.
    expect((await api('PATCH', `/api/teams/${red.body.id}`, leadToken, { size: 4 })).status).toBe(404);
    expect((await api('POST', `/api/teams/${red.body.id}/status`, leadToken, { status: 'engaged' })).status).toBe(404);
  });

  it('answers the last position and whether it is stale', async () => {
    const [team] = await db.query<{ id: string }>(`SELECT id FROM teams WHERE call_sign = 'BAVET-1'`);
    await db.query(
      `UPDATE teams SET last_lat = 11.066, last_lon = 106.118, last_heading = 53, last_speed = 4.5, last_accuracy = 8, last_position_at = now() - interval '1 minute' WHERE id = $1`,
      [team.id],
    );
    await db.query(`UPDATE teams SET last_lat = 11.07, last_lon = 106.14, last_position_at = now() - interval '10 minutes' WHERE call_sign = 'VN-AMBER'`);
    const teams = (await api('GET', `/api/operations/${operationId}/teams`, leadToken)).body;
    expect(teams[0].lastPosition).toEqual({ teamId: team.id, lat: 11.066, lon: 106.118, heading: 53, speed: 4.5, accuracy: 8, at: expect.any(String) });
    expect(teams.map((x: { callSign: string; stale: boolean }) => [x.callSign, x.stale])).toEqual([
      ['BAVET-1', false],
      ['VN-AMBER', true],
      ['VN-STRICT', true],
    ]);
  });

  it('commanders of the team’s agency change it; members are replaced; the change is an event', async () => {
    const [team] = await db.query<{ id: string }>(`SELECT id FROM teams WHERE call_sign = 'BAVET-1'`);
    expect((await api('PATCH', `/api/teams/${team.id}`, partToken, { size: 7 })).status).toBe(403);
    expect((await api('PATCH', `/api/teams/${team.id}`, leadToken, { memberUserIds: [partField.id] })).status).toBe(400);
    expect((await api('PATCH', `/api/teams/${team.id}`, leadToken, { callSign: 'VN-AMBER' })).status).toBe(409);
    const patched = await api('PATCH', `/api/teams/${team.id}`, leadToken, { size: 7, memberUserIds: [field.id, otherField.id], siteId: null });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ size: 7, siteId: null, members: [{ userId: field.id, name: 'Chea Sophal' }, { userId: otherField.id, name: 'Heng Vannak' }] });
    const [event] = await db.query(`SELECT payload FROM operation_events WHERE operation_id = $1 AND type = 'team.updated' ORDER BY seq DESC LIMIT 1`, [operationId]);
    expect(event.payload.team).toEqual(patched.body);
  });

  it('a field member of the team or a commander of its agency sets its status', async () => {
    const [team] = await db.query<{ id: string }>(`SELECT id FROM teams WHERE call_sign = 'BAVET-1'`);
    await api('PATCH', `/api/teams/${team.id}`, leadToken, { memberUserIds: [field.id] });
    expect((await api('POST', `/api/teams/${team.id}/status`, fieldToken, { status: 'engaged' })).body.status).toBe('engaged');
    const refused = await api('POST', `/api/teams/${team.id}/status`, otherFieldToken, { status: 'returning' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Only a member of BAVET-1 or a commander of KH-LEAD may set its status');
    expect((await api('POST', `/api/teams/${team.id}/status`, leadToken, { status: 'returning' })).body.status).toBe('returning');
    expect((await api('POST', `/api/teams/${team.id}/status`, leadToken, { status: 'asleep' })).status).toBe(400);
    const audit = await db.query(`SELECT details FROM audit_log WHERE entity_id = $1 AND action = 'team.status' ORDER BY id`, [team.id]);
    expect(audit.map((a) => a.details)).toEqual([
      { from: 'on_station', to: 'engaged' },
      { from: 'engaged', to: 'returning' },
    ]);
  });
});
