import { randomUUID } from 'node:crypto';
import type { AccessChange } from '../src/modules/event-log/access-change-bus';
import { AccessChangeBus } from '../src/modules/event-log/access-change-bus';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [105, 10.5],
      [106, 10.5],
      [106, 11.5],
      [105, 11.5],
      [105, 10.5],
    ],
  ],
};

describe('operations, participants, sites, agencies and users', () => {
  let t: TestApp;
  let db: Fixtures;
  let lead: { id: string; code: string };
  let part: { id: string; code: string };
  let obs: { id: string; code: string };
  let leadToken: string;
  let partToken: string;
  let obsToken: string;
  let adminToken: string;
  let adminId: string;
  let leadCommanderId: string;
  let partCommanderId: string;
  const accessChanges: AccessChange[] = [];

  const api = (method: string, path: string, token: string, body?: unknown) => http(t.baseUrl, method, path, { token, body });
  const createOperation = async (body: Record<string, unknown> = {}) => {
    const answer = await api('POST', '/api/operations', leadToken, { code: `OP-${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Test operation', ...body });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const siteId = async (code: string) => (await db.query<{ id: string }>('SELECT id FROM sites WHERE code = $1', [code]))[0].id;

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    t.app.get(AccessChangeBus).changes$.subscribe((change) => accessChanges.push(change));
    lead = await db.agency({ code: 'KH-LEAD' });
    part = await db.agency({ code: 'VN-PART', country: 'VN' });
    obs = await db.agency({ code: 'ID-OBS', country: 'ID' });
    const adminAgency = await db.agency({ code: 'IO-ADMIN', country: null, kind: 'international_organisation' });
    const leadCommander = await db.user({ agencyId: lead.id, role: 'commander' });
    const partCommander = await db.user({ agencyId: part.id, role: 'commander' });
    const obsCommander = await db.user({ agencyId: obs.id, role: 'commander' });
    const admin = await db.user({ agencyId: adminAgency.id, role: 'admin' });
    leadCommanderId = leadCommander.id;
    partCommanderId = partCommander.id;
    adminId = admin.id;
    leadToken = (await signIn(t.baseUrl, leadCommander.email)).accessToken;
    partToken = (await signIn(t.baseUrl, partCommander.email)).accessToken;
    obsToken = (await signIn(t.baseUrl, obsCommander.email)).accessToken;
    adminToken = (await signIn(t.baseUrl, admin.email)).accessToken;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('documents every route in OpenAPI, with the request schemas and bearer auth', async () => {
    const document = (await http(t.baseUrl, 'GET', '/api/docs-json')).body;
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/agencies',
        '/api/agencies/{id}',
        '/api/users',
        '/api/users/{id}',
        '/api/sites',
        '/api/sites/{id}',
        '/api/operations',
        '/api/operations/{id}',
        '/api/operations/{id}/transition',
        '/api/operations/{id}/participants',
        '/api/operations/{id}/participants/{agencyId}',
        '/api/operations/{id}/sites',
        '/api/operations/{id}/sites/{siteId}',
        '/api/operations/{id}/teams',
        '/api/teams/{id}',
        '/api/teams/{id}/status',
      ]),
    );
    const create = document.paths['/api/operations'].post;
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(create.requestBody.content['application/json'].schema.properties.area).toBeDefined();
    expect(create.requestBody.content['application/json'].schema.example.code).toBe('OP-MEKONG-GATE');
    expect(document.paths['/api/sites'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'bbox', 'kind', 'country', 'includeRetired']);
  });

  describe('operations', () => {
    it('POST creates a planned operation led by the caller’s agency, with its event (seq 1) and audit row', async () => {
      const operation = await createOperation({ code: 'OP-MEKONG-24', name: 'Mekong 24', timeZone: 'Asia/Phnom_Penh', area: SQUARE, exercise: true });
      expect(operation).toEqual({
        id: expect.any(String),
        code: 'OP-MEKONG-24',
        name: 'Mekong 24',
        status: 'planned',
        exercise: true,
        leadAgency: { id: lead.id, code: 'KH-LEAD', name: 'Agency KH-LEAD' },
        myRole: 'lead',
        startsAt: null,
        endsAt: null,
        description: '',
        timeZone: 'Asia/Phnom_Penh',
        area: SQUARE,
        participants: [{ agency: { id: lead.id, code: 'KH-LEAD', name: 'Agency KH-LEAD' }, role: 'lead' }],
        sites: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const events = await db.query('SELECT seq, type, marking, origin_agency_id, payload FROM operation_events WHERE operation_id = $1', [operation.id]);
      // Every member reads this event: it does not carry the writer's role in the operation.
      const { myRole: _writersRole, ...shared } = operation;
      expect(events).toEqual([{ seq: '1', type: 'operation.updated', marking: 'TLP:GREEN', origin_agency_id: lead.id, payload: { operation: shared } }]);
      expect(events[0].payload.operation).not.toHaveProperty('myRole');
      const audit = await db.query('SELECT action, user_id FROM audit_log WHERE operation_id = $1', [operation.id]);
      expect(audit).toEqual([{ action: 'operation.create', user_id: leadCommanderId }]);
    });

    it("takes the lead agency's country's time zone when none is named, UTC for an international organisation", async () => {
      expect((await createOperation()).timeZone).toBe('Asia/Phnom_Penh'); // the lead agency is Cambodian
      const byAdmin = await api('POST', '/api/operations', adminToken, { code: `OP-${randomUUID().slice(0, 8).toUpperCase()}`, name: 'Led by an international organisation' });
      expect(byAdmin.status).toBe(201);
      expect(byAdmin.body.timeZone).toBe('UTC');
      expect((await createOperation({ timeZone: 'Asia/Bangkok' })).timeZone).toBe('Asia/Bangkok');
    });

    it('a taken code answers 409', async () => {
      const answer = await api('POST', '/api/operations', leadToken, { code: 'OP-MEKONG-24', name: 'Again' });
      expect(answer.status).toBe(409);
      expect(answer.body.message).toBe('An operation with the code OP-MEKONG-24 already exists');
    });

    it.each([
      ['an unknown field', { code: 'OP-BAD-1', name: 'x', colour: 'red' }, 'unknown field(s): colour'],
      ['a ring that is not closed', { code: 'OP-BAD-2', name: 'x', area: { type: 'Polygon', coordinates: [[[105, 10], [106, 10], [106, 11], [105, 11]]] } }, 'ring is not closed'],
      ['a ring that crosses itself', { code: 'OP-BAD-3', name: 'x', area: { type: 'Polygon', coordinates: [[[105, 10], [106, 11], [106, 10], [105, 11], [105, 10]]] } }, 'ring crosses itself'],
      ['a longitude out of range', { code: 'OP-BAD-4', name: 'x', area: { type: 'Polygon', coordinates: [[[185, 10], [186, 10], [186, 11], [185, 10]]] } }, 'longitude must be ≤ 180'],
      ['an end before the start', { code: 'OP-BAD-5', name: 'x', startsAt: '2026-12-02T00:00:00Z', endsAt: '2026-12-01T00:00:00Z' }, 'endsAt must be after startsAt'],
      ['an unknown time zone', { code: 'OP-BAD-6', name: 'x', timeZone: 'Asia/Atlantis' }, 'must be an IANA time zone'],
    ])('POST refuses %s with 400', async (_case, body, message) => {
      const answer = await api('POST', '/api/operations', leadToken, body);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(message);
    });

    it('PATCH checks the period against the stored start, not only the fields sent', async () => {
      const operation = await createOperation({ startsAt: '2026-12-10T00:00:00Z' });
      const answer = await api('PATCH', `/api/operations/${operation.id}`, leadToken, { endsAt: '2026-12-09T00:00:00Z' });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe('endsAt (2026-12-09T00:00:00Z) must be after startsAt (2026-12-10T00:00:00.000Z)');
      const ok = await api('PATCH', `/api/operations/${operation.id}`, leadToken, { endsAt: '2026-12-20T00:00:00Z', area: SQUARE, description: 'Extended' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ endsAt: '2026-12-20T00:00:00.000Z', area: SQUARE, description: 'Extended' });
    });

    it('moves through the lifecycle; an invalid transition answers 409 naming from and to', async () => {
      const operation = await createOperation();
      const skip = await api('POST', `/api/operations/${operation.id}/transition`, leadToken, { status: 'suspended' });
      expect(skip.status).toBe(409);
      expect(skip.body.message).toBe('An operation cannot go from planned to suspended');
      for (const status of ['active', 'suspended', 'active', 'closed']) {
        const answer = await api('POST', `/api/operations/${operation.id}/transition`, leadToken, { status });
        expect([status, answer.status]).toEqual([status, 200]);
        expect(answer.body.status).toBe(status);
      }
      const reopen = await api('POST', `/api/operations/${operation.id}/transition`, leadToken, { status: 'active' });
      expect(reopen.status).toBe(409);
      expect(reopen.body.message).toBe('An operation cannot go from closed to active');
      expect((await api('POST', `/api/operations/${operation.id}/transition`, leadToken, { status: 'paused' })).status).toBe(400);
    });

    it('a closed operation refuses every change with 409', async () => {
      const operation = await createOperation();
      const bavet = await siteId('kh-bavet');
      expect((await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: part.id, role: 'participant' })).status).toBe(201);
      expect((await api('POST', `/api/operations/${operation.id}/transition`, leadToken, { status: 'closed' })).status).toBe(200);
      const attempts = [
        await api('PATCH', `/api/operations/${operation.id}`, leadToken, { name: 'Renamed' }),
        await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: obs.id, role: 'observer' }),
        await api('DELETE', `/api/operations/${operation.id}/participants/${part.id}`, leadToken),
        await api('POST', `/api/operations/${operation.id}/sites`, leadToken, { siteId: bavet }),
        await api('POST', `/api/operations/${operation.id}/teams`, leadToken, { callSign: 'LATE-1', size: 2 }),
        await api('POST', `/api/operations/${operation.id}/teams`, partToken, { callSign: 'LATE-2', size: 2 }),
      ];
      expect(attempts.map((a) => a.status)).toEqual([409, 409, 409, 409, 409, 409]);
      expect(attempts[0].body.message).toBe('The operation is closed; it accepts no more changes');
    });

    it('a malformed id answers 400, an unknown one 404', async () => {
      expect((await api('GET', '/api/operations/not-a-uuid', leadToken)).status).toBe(400);
      expect((await api('GET', `/api/operations/${randomUUID()}`, leadToken)).status).toBe(404);
    });
  });

  describe('participants and sites', () => {
    it('adds a participant (404 unknown agency, 409 already there), removes it (409 for the lead) and closes its access', async () => {
      const operation = await createOperation();
      expect((await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: randomUUID(), role: 'observer' })).status).toBe(404);
      const added = await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: part.id, role: 'participant' });
      expect(added.status).toBe(201);
      expect(added.body).toEqual({ agency: { id: part.id, code: 'VN-PART', name: 'Agency VN-PART' }, role: 'participant' });
      const again = await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: part.id, role: 'observer' });
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('VN-PART already takes part in this operation as participant; remove it first to change its role');
      expect((await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: lead.id, role: 'observer' })).status).toBe(409);
      expect((await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: obs.id, role: 'lead' })).status).toBe(400);

      expect((await api('GET', `/api/operations/${operation.id}`, partToken)).body.myRole).toBe('participant');
      const removeLead = await api('DELETE', `/api/operations/${operation.id}/participants/${lead.id}`, leadToken);
      expect(removeLead.status).toBe(409);
      expect(removeLead.body.message).toBe('The lead agency cannot be removed from its operation');
      expect((await api('DELETE', `/api/operations/${operation.id}/participants/${obs.id}`, leadToken)).status).toBe(404);

      accessChanges.length = 0;
      expect((await api('DELETE', `/api/operations/${operation.id}/participants/${part.id}`, leadToken)).status).toBe(204);
      expect(accessChanges).toEqual([{ kind: 'participant-removed', operationId: operation.id, agencyId: part.id }]);
      expect((await api('GET', `/api/operations/${operation.id}`, partToken)).status).toBe(404);
      const types = await db.query<{ type: string; payload: unknown }>('SELECT type, payload FROM operation_events WHERE operation_id = $1 ORDER BY seq', [operation.id]);
      expect(types.map((e) => e.type)).toEqual(['operation.updated', 'operation.participant_added', 'operation.participant_removed']);
      expect(types[2].payload).toEqual({ agencyId: part.id, agency: { id: part.id, code: 'VN-PART', name: 'Agency VN-PART' } });
    });

    it('attaches and detaches border sites (404 unknown, 409 twice, 404 when not attached)', async () => {
      const operation = await createOperation();
      const bavet = await siteId('kh-bavet');
      expect((await api('POST', `/api/operations/${operation.id}/sites`, leadToken, { siteId: randomUUID() })).status).toBe(404);
      const attached = await api('POST', `/api/operations/${operation.id}/sites`, leadToken, { siteId: bavet });
      expect(attached.status).toBe(201);
      expect(attached.body).toEqual({ id: bavet, code: 'kh-bavet', name: 'Bavet', kind: 'land', country: 'KH', counterpart: 'VN', lat: 11.067, lon: 106.12, retired: false });
      const twice = await api('POST', `/api/operations/${operation.id}/sites`, leadToken, { siteId: bavet });
      expect(twice.status).toBe(409);
      expect(twice.body.message).toBe("Bavet (kh-bavet) is already one of this operation's sites");
      expect((await api('GET', `/api/operations/${operation.id}`, leadToken)).body.sites.map((s: { code: string }) => s.code)).toEqual(['kh-bavet']);
      expect((await api('DELETE', `/api/operations/${operation.id}/sites/${bavet}`, leadToken)).status).toBe(204);
      expect((await api('DELETE', `/api/operations/${operation.id}/sites/${bavet}`, leadToken)).status).toBe(404);
      const events = await db.query<{ type: string }>('SELECT type FROM operation_events WHERE operation_id = $1 ORDER BY seq', [operation.id]);
      expect(events.map((e) => e.type)).toEqual(['operation.updated', 'operation.site_attached', 'operation.site_detached']);
    });
  });

  describe('the operation list', () => {
    it('lists only the operations the caller’s agency takes part in, with its role and the counts it may see', async () => {
      const operation = await createOperation({ code: 'OP-COUNTS', name: 'Counting', timeZone: 'Asia/Bangkok' });
      await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: part.id, role: 'participant' });
      await api('POST', `/api/operations/${operation.id}/participants`, leadToken, { agencyId: obs.id, role: 'observer' });
      await api('POST', `/api/operations/${operation.id}/transition`, leadToken, { status: 'active' });
      await api('POST', `/api/operations/${operation.id}/teams`, leadToken, { callSign: 'GREEN-1', size: 2 });
      await api('POST', `/api/operations/${operation.id}/teams`, leadToken, { callSign: 'AMBER-1', size: 2, marking: 'TLP:AMBER' });
      const report = (origin: string, author: string, kind: string, marking: string, status = 'reported', recipients: string[] = [], minutesAgo = 1) =>
        db.query(
          `INSERT INTO reports (client_id, operation_id, kind, status, title, occurred_at, origin_agency_id, author_user_id, marking, recipient_agency_ids, version)
           VALUES ($1, $2, $3, $4, 'r', now() - make_interval(mins => $5), $6, $7, $8, $9, 1)`,
          [randomUUID(), operation.id, kind, status, minutesAgo, origin, author, marking, recipients],
        );
      await report(lead.id, leadCommanderId, 'alert', 'TLP:GREEN');
      await report(lead.id, leadCommanderId, 'alert', 'TLP:AMBER');
      await report(part.id, partCommanderId, 'alert', 'TLP:AMBER+STRICT');
      await report(part.id, partCommanderId, 'alert', 'TLP:RED', 'reported', [lead.id]);
      await report(lead.id, leadCommanderId, 'alert', 'TLP:CLEAR', 'verified');
      await report(lead.id, leadCommanderId, 'sitrep', 'TLP:GREEN', 'reported', [], 3 * 24 * 60);

      const counts = async (token: string) => (await api('GET', '/api/operations', token)).body.find((o: { code: string }) => o.code === 'OP-COUNTS');
      // lead: all five of today (it sees AMBER+STRICT as the lead, and the RED one names it); the sitrep is 3 days old
      expect(await counts(leadToken)).toEqual({
        id: operation.id,
        code: 'OP-COUNTS',
        name: 'Counting',
        status: 'active',
        exercise: false,
        leadAgency: { id: lead.id, code: 'KH-LEAD', name: 'Agency KH-LEAD' },
        myRole: 'lead',
        startsAt: null,
        endsAt: null,
        counts: { teams: 2, reportsToday: 5, openAlerts: 4 },
      });
      // participant: the lead's CLEAR, GREEN and AMBER, and its own AMBER+STRICT and RED
      expect((await counts(partToken)).counts).toEqual({ teams: 2, reportsToday: 5, openAlerts: 4 });
      expect((await counts(partToken)).myRole).toBe('participant');
      // observer: CLEAR and GREEN only
      expect((await counts(obsToken)).counts).toEqual({ teams: 1, reportsToday: 2, openAlerts: 1 });
      expect((await counts(obsToken)).myRole).toBe('observer');
      // an agency that does not take part does not see it at all
      expect((await api('GET', '/api/operations', adminToken)).body.map((o: { code: string }) => o.code)).not.toContain('OP-COUNTS');
    });
  });

  describe('border sites', () => {
    it('are seeded from the reference file', async () => {
      const all = await api('GET', '/api/sites', leadToken);
      expect(all.status).toBe(200);
      expect(all.body.length).toBe(76);
      expect(all.body.find((s: { code: string }) => s.code === 'vn-moc-bai')).toEqual({
        id: expect.any(String),
        code: 'vn-moc-bai',
        name: 'Moc Bai',
        kind: 'land',
        country: 'VN',
        counterpart: 'KH',
        lat: 11.075,
        lon: 106.14,
        retired: false,
      });
    });

    it('search by name (escaped), bounding box, kind and country', async () => {
      const codes = async (query: string) => (await api('GET', `/api/sites?${query}`, leadToken)).body.map((s: { code: string }) => s.code);
      expect(await codes('q=bavet')).toEqual(['kh-bavet']);
      expect(await codes('q=%25')).toEqual([]);
      expect(await codes('q=_')).toEqual([]);
      expect(await codes('bbox=106.0,11.0,106.2,11.1')).toEqual(['kh-bavet', 'vn-moc-bai']);
      expect(await codes('kind=river&country=VN')).toEqual(['vn-vinh-xuong']);
    });

    it.each([
      ['bbox=200,0,10,10', 'bbox is out of range or inverted'],
      ['bbox=106,11,105,10', 'bbox is out of range or inverted'],
      ['bbox=1,2,3', 'bbox must be four numbers'],
      ['kind=bridge', 'kind'],
      ['country=kh', 'country'],
      ['colour=red', 'unknown field(s): colour'],
    ])('refuses ?%s with 400', async (query, message) => {
      const answer = await api('GET', `/api/sites?${query}`, leadToken);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(message);
    });

    it('administrators create (409 for a taken code) and correct sites', async () => {
      const site = { code: 'kh-koh-kong', name: 'Koh Kong port', kind: 'sea', country: 'KH', lat: 11.61, lon: 102.98 };
      const created = await api('POST', '/api/sites', adminToken, site);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), ...site, counterpart: null, retired: false });
      expect((await api('POST', '/api/sites', adminToken, site)).status).toBe(409);
      const patched = await api('PATCH', `/api/sites/${created.body.id}`, adminToken, { counterpart: 'TH', lat: 11.62 });
      expect(patched.body).toEqual({ ...created.body, counterpart: 'TH', lat: 11.62 });
      expect((await api('PATCH', `/api/sites/${created.body.id}`, adminToken, { code: 'renamed' })).status).toBe(400);
      expect((await api('PATCH', `/api/sites/${created.body.id}`, adminToken, { lat: 91 })).status).toBe(400);
    });
  });

  describe('agencies and users', () => {
    it('administrators create and change agencies; a taken code answers 409', async () => {
      const created = await api('POST', '/api/agencies', adminToken, { code: 'LA-IMM', name: 'Immigration Department, Lao PDR', country: 'LA', kind: 'immigration' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), code: 'LA-IMM', name: 'Immigration Department, Lao PDR', country: 'LA', kind: 'immigration', active: true });
      expect((await api('POST', '/api/agencies', adminToken, { code: 'LA-IMM', name: 'Again', country: 'LA', kind: 'police' })).status).toBe(409);
      expect((await api('PATCH', `/api/agencies/${created.body.id}`, adminToken, { code: 'KH-LEAD' })).status).toBe(409);
      const patched = await api('PATCH', `/api/agencies/${created.body.id}`, adminToken, { country: null, kind: 'international_organisation' });
      expect(patched.body).toEqual({ ...created.body, country: null, kind: 'international_organisation' });
      expect((await api('GET', `/api/agencies/${randomUUID()}`, leadToken)).status).toBe(404);
      expect((await api('POST', '/api/agencies', adminToken, { code: 'lower', name: 'x', country: 'LA', kind: 'police' })).status).toBe(400);
    });

    it('commanders list their own agency’s accounts, administrators all; no password hash ever leaves', async () => {
      const mine = await api('GET', '/api/users', leadToken);
      expect(mine.body.every((u: { agency: { id: string } }) => u.agency.id === lead.id)).toBe(true);
      const all = await api('GET', '/api/users', adminToken);
      expect(all.body.length).toBeGreaterThan(mine.body.length);
      expect(JSON.stringify(all.body)).not.toContain('argon2');
    });

    it('administrators create accounts (404 unknown agency, 409 taken e-mail) whose holders choose the password', async () => {
      const body = { email: 'New.Officer@Test.Lintas', name: 'New Officer', role: 'field', agencyId: lead.id };
      const created = await api('POST', '/api/users', adminToken, body);
      expect(created.status).toBe(201);
      expect(created.body.user).toEqual({
        id: expect.any(String),
        email: 'new.officer@test.lintas',
        name: 'New Officer',
        role: 'field',
        disabled: false,
        passwordSet: false,
        signedIn: false,
        agency: { id: lead.id, code: 'KH-LEAD', name: 'Agency KH-LEAD' },
        preferences: { language: null, timeDisplay: 'local' },
      });
      expect(created.body.setPassword.path).toMatch(/^\/set-password\?token=/);
      expect((await api('POST', '/api/users', adminToken, body)).status).toBe(409);
      expect((await api('POST', '/api/users', adminToken, { ...body, email: 'other@test.lintas', agencyId: randomUUID() })).status).toBe(404);
      expect((await api('POST', '/api/users', adminToken, { ...body, email: 'pw@test.lintas', password: 'an administrator’s choice' })).status).toBe(400);
      const set = await http(t.baseUrl, 'POST', '/api/auth/set-password', { body: { token: created.body.setPassword.token, password: 'a long enough pass phrase' } });
      expect(set.status).toBe(200);
      await signIn(t.baseUrl, 'new.officer@test.lintas', 'a long enough pass phrase');
    });

    it('disabling an account revokes its sessions at once and tells the realtime side', async () => {
      const user = await db.user({ agencyId: part.id, role: 'field' });
      const session = await signIn(t.baseUrl, user.email);
      accessChanges.length = 0;
      const disabled = await api('PATCH', `/api/users/${user.id}`, adminToken, { disabled: true });
      expect(disabled.status).toBe(200);
      expect(disabled.body.disabled).toBe(true);
      expect(accessChanges).toEqual([{ kind: 'user-signed-out', userId: user.id, reason: 'Your account has been disabled' }]);
      const open = await db.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL', [user.id]);
      expect(open[0].n).toBe(0);
      expect((await http(t.baseUrl, 'GET', '/api/me', { token: session.accessToken })).status).toBe(401);
      expect((await http(t.baseUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
      const audit = await db.query("SELECT action, details FROM audit_log WHERE entity_id = $1 AND action LIKE 'user.%'", [user.id]);
      expect(audit).toEqual([{ action: 'user.disable', details: { changes: { disabled: true } } }]);
    });

    it('an administrator cannot lock themself out', async () => {
      const answer = await api('PATCH', `/api/users/${adminId}`, adminToken, { disabled: true });
      expect(answer.status).toBe(409);
      expect((await api('PATCH', `/api/users/${adminId}`, adminToken, { role: 'commander' })).status).toBe(409);
      expect((await api('PATCH', `/api/users/${randomUUID()}`, adminToken, { name: 'Nobody' })).status).toBe(404);
      expect((await api('PATCH', `/api/users/${adminId}`, adminToken, { email: 'x@y.z' })).status).toBe(400);
    });
  });
});
