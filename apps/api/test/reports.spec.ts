import { randomUUID } from 'node:crypto';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, arrangeSite, arrangeTeam } from './support/arrange-operation';

/** Reports end to end: idempotent create, the writer rules, verification, amendment, history, list, events. */
describe('reports', () => {
  let t: TestApp;
  let db: Fixtures;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let operationId: string;
  let kh1: string; // team of KH with khField as member
  let vn1: string; // team of VN

  const sitrep = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    clientId: randomUUID(),
    kind: 'sitrep',
    title: 'Quiet at the crossing',
    narrative: 'Normal traffic.',
    occurredAt: '2026-11-01T08:00:00Z',
    ...extra,
  });
  const post = (who: string, body: unknown, op = operationId) => http(t.baseUrl, 'POST', `/api/operations/${op}/reports`, { token: tokens[who], body });

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const code of ['KH', 'VN', 'TH', 'MY']) ids[code] = (await db.agency({ code: `${code}-AG` })).id;
    const users: [string, string, 'commander' | 'field' | 'liaison'][] = [
      ['khCommander', 'KH', 'commander'],
      ['khField', 'KH', 'field'],
      ['khField2', 'KH', 'field'],
      ['khLiaison', 'KH', 'liaison'],
      ['vnCommander', 'VN', 'commander'],
      ['vnField', 'VN', 'field'],
      ['thCommander', 'TH', 'commander'],
      ['myCommander', 'MY', 'commander'],
    ];
    for (const [name, agency, role] of users) {
      const user = await db.user({ agencyId: ids[agency], role, name: `${name} person` });
      ids[name] = user.id;
      tokens[name] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    operationId = (
      await arrangeOperation(db, {
        leadAgencyId: ids.KH,
        members: [
          { agencyId: ids.VN, role: 'participant' },
          { agencyId: ids.TH, role: 'observer' },
        ],
      })
    ).id;
    kh1 = (await arrangeTeam(db, { operationId, agencyId: ids.KH, memberUserIds: [ids.khField] })).id;
    vn1 = (await arrangeTeam(db, { operationId, agencyId: ids.VN, memberUserIds: [ids.vnField] })).id;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  describe('create', () => {
    it('stores the report with its history row, its event and its audit row; version is the event seq', async () => {
      const body = {
        clientId: randomUUID(),
        kind: 'interception',
        title: 'Boat stopped below the ferry',
        occurredAt: '2026-11-02T06:40:00+07:00',
        lat: 11.5,
        lon: 104.9,
        teamId: kh1,
        interception: { interceptionKind: 'smuggling', persons: 14, minors: 3, nationalities: ['KH', 'VN'] },
      };
      const answer = await post('khField', body);
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        clientId: body.clientId,
        operationId,
        kind: 'interception',
        status: 'reported',
        title: 'Boat stopped below the ferry',
        narrative: '',
        lat: 11.5,
        lon: 104.9,
        siteId: null,
        occurredAt: '2026-11-01T23:40:00.000Z',
        originAgency: { id: ids.KH, code: 'KH-AG' },
        teamId: kh1,
        authorUserId: ids.khField,
        marking: 'TLP:AMBER',
        recipientAgencyIds: [],
        interception: { interceptionKind: 'smuggling', persons: 14, suspects: 0, presumedVictims: 0, minors: 3, nationalities: ['KH', 'VN'], documentsSeized: 0 },
        statusReason: null,
        statusBy: null,
        statusAt: null,
      });
      const [event] = await db.query(`SELECT seq, type, marking, origin_agency_id, payload FROM operation_events WHERE operation_id = $1 ORDER BY seq DESC LIMIT 1`, [operationId]);
      expect(event.type).toBe('report.created');
      expect(event.marking).toBe('TLP:AMBER');
      expect(event.origin_agency_id).toBe(ids.KH);
      expect(answer.body.version).toBe(Number(event.seq));
      expect(event.payload.report).toEqual(answer.body);
      const history = await db.query(`SELECT action FROM report_history WHERE report_id = $1`, [answer.body.id]);
      expect(history).toEqual([{ action: 'created' }]);
      const audit = await db.query(`SELECT user_id, operation_id FROM audit_log WHERE action = 'report.create' AND entity_id = $1`, [answer.body.id]);
      expect(audit).toEqual([{ user_id: ids.khField, operation_id: operationId }]);
    });

    it('a retried create answers 200 with the same report and stores nothing twice', async () => {
      const body = sitrep({ teamId: kh1 });
      const first = await post('khField', body);
      const second = await post('khField', body);
      expect(first.status).toBe(201);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(await db.query('SELECT count(*)::int AS n FROM reports WHERE client_id = $1', [body.clientId])).toEqual([{ n: 1 }]);
      expect(await db.query(`SELECT count(*)::int AS n FROM operation_events WHERE payload->'report'->>'clientId' = $1`, [body.clientId])).toEqual([{ n: 1 }]);
    });

    it('the same clientId from another user or for another operation answers 409', async () => {
      const body = sitrep();
      expect((await post('khCommander', body)).status).toBe(201);
      const otherUser = await post('vnCommander', body);
      expect(otherUser.status).toBe(409);
      expect(otherUser.body.message).toMatch(/clientId/);
      const otherOperation = (await arrangeOperation(db, { leadAgencyId: ids.KH })).id;
      expect((await post('khCommander', body, otherOperation)).status).toBe(409);
    });

    it('a field officer posts only for a team it belongs to in this operation', async () => {
      const foreignOperation = (await arrangeOperation(db, { leadAgencyId: ids.KH })).id;
      const teamElsewhere = (await arrangeTeam(db, { operationId: foreignOperation, agencyId: ids.KH, memberUserIds: [ids.khField] })).id;
      expect((await post('khField', sitrep())).status).toBe(403);
      expect((await post('khField2', sitrep({ teamId: kh1 }))).status).toBe(403);
      expect((await post('khField', sitrep({ teamId: teamElsewhere }))).status).toBe(403);
      expect((await post('khField', sitrep({ teamId: vn1 }))).status).toBe(403);
      expect((await post('khField', sitrep({ teamId: kh1 }))).status).toBe(201);
    });

    it("a commander posts for its agency's teams or none, not for another agency's", async () => {
      expect((await post('khCommander', sitrep())).status).toBe(201);
      expect((await post('khCommander', sitrep({ teamId: kh1 }))).status).toBe(201);
      expect((await post('khCommander', sitrep({ teamId: vn1 }))).status).toBe(403);
    });

    it('observers, liaison accounts, outsiders and closed operations cannot post', async () => {
      expect((await post('thCommander', sitrep())).status).toBe(403);
      expect((await post('khLiaison', sitrep())).status).toBe(403);
      expect((await post('myCommander', sitrep())).status).toBe(404);
      const closed = (await arrangeOperation(db, { leadAgencyId: ids.KH, status: 'closed' })).id;
      const answer = await post('khCommander', sitrep(), closed);
      expect(answer.status).toBe(409);
      expect(answer.body.message).toMatch(/closed/);
    });

    it('TLP:RED recipients must take part in the operation; the site must exist', async () => {
      const outsider = await post('khCommander', sitrep({ marking: 'TLP:RED', recipientAgencyIds: [ids.MY] }));
      expect(outsider.status).toBe(400);
      expect(outsider.body.message).toContain(ids.MY);
      const red = await post('khCommander', sitrep({ marking: 'TLP:RED', recipientAgencyIds: [ids.VN, ids.VN, ids.TH] }));
      expect(red.status).toBe(201);
      expect(red.body.recipientAgencyIds).toEqual([ids.VN, ids.TH]);
      expect((await post('khCommander', sitrep({ marking: 'TLP:AMBER', recipientAgencyIds: [ids.VN] }))).status).toBe(400);
      expect((await post('khCommander', sitrep({ siteId: randomUUID() }))).status).toBe(400);
      const site = await arrangeSite(db);
      const withSite = await post('khCommander', sitrep({ siteId: site.id }));
      expect(withSite.status).toBe(201);
      expect(withSite.body.siteId).toBe(site.id);
    });

    it('answers 400 for a malformed operation id, never a database error', async () => {
      const answer = await post('khCommander', sitrep(), 'not-a-uuid');
      expect(answer.status).toBe(400);
    });
  });

  describe('verification', () => {
    it("only a commander of the originating agency verifies, and only from 'reported'", async () => {
      const report = (await post('khField', sitrep({ teamId: kh1 }))).body;
      const verify = (who: string, body: unknown = {}) => http(t.baseUrl, 'POST', `/api/reports/${report.id}/verify`, { token: tokens[who], body });
      expect((await verify('vnCommander')).status).toBe(403);
      expect((await verify('khField')).status).toBe(403);
      expect((await verify('thCommander')).status).toBe(404); // TLP:AMBER: observers do not see it
      const verified = await verify('khCommander', { reason: 'Confirmed by the district post' });
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ status: 'verified', statusReason: 'Confirmed by the district post', statusBy: ids.khCommander });
      expect(verified.body.statusAt).toEqual(expect.any(String));
      expect(verified.body.version).toBeGreaterThan(report.version);
      const again = await verify('khCommander');
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/verified/);
      const reject = await http(t.baseUrl, 'POST', `/api/reports/${report.id}/reject`, { token: tokens.khCommander, body: { reason: 'No' } });
      expect(reject.status).toBe(409);
      const [event] = await db.query(`SELECT type, payload FROM operation_events WHERE operation_id = $1 AND seq = $2`, [operationId, verified.body.version]);
      expect(event.type).toBe('report.updated');
      expect(event.payload.report).toEqual(verified.body);
      const audit = await db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [report.id]);
      expect(audit.map((row) => row.action)).toEqual(['report.create', 'report.verify']);
    });

    it('a rejection needs a reason', async () => {
      const report = (await post('khCommander', sitrep())).body;
      const reject = (body: unknown) => http(t.baseUrl, 'POST', `/api/reports/${report.id}/reject`, { token: tokens.khCommander, body });
      expect((await reject({})).status).toBe(400);
      expect((await reject({ reason: '   ' })).status).toBe(400);
      const rejected = await reject({ reason: 'Duplicate of an earlier report' });
      expect(rejected.status).toBe(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', statusReason: 'Duplicate of an earlier report' });
    });
  });

  describe('amendment and history', () => {
    it('the author amends; the change is in the history as [before, after]; a stale version answers 409', async () => {
      const report = (await post('khField', sitrep({ teamId: kh1 }))).body;
      const amend = (who: string, body: unknown) => http(t.baseUrl, 'PATCH', `/api/reports/${report.id}`, { token: tokens[who], body });
      const amended = await amend('khField', { narrative: 'Two vans waiting on the far side.', expectedVersion: report.version });
      expect(amended.status).toBe(200);
      expect(amended.body.narrative).toBe('Two vans waiting on the far side.');
      expect(amended.body.version).toBeGreaterThan(report.version);
      const stale = await amend('khField', { title: 'Later', expectedVersion: report.version });
      expect(stale.status).toBe(409);
      expect(stale.body.message).toContain(`version ${amended.body.version}`);
      expect((await amend('khField2', { title: 'Not mine' })).status).toBe(403);
      expect((await amend('vnCommander', { title: 'Not ours' })).status).toBe(403);
      expect((await amend('khCommander', { lat: 11.2, lon: 105.3 })).status).toBe(200);
      expect((await amend('khCommander', { lat: 11.2 })).status).toBe(200); // unchanged: nothing stored
      expect((await amend('khCommander', { lat: null })).status).toBe(400);

      const full = await http(t.baseUrl, 'GET', `/api/reports/${report.id}`, { token: tokens.vnCommander });
      expect(full.status).toBe(200);
      expect(full.body.history.map((change: { action: string }) => change.action)).toEqual(['created', 'amended', 'amended']);
      expect(full.body.history[1]).toEqual({
        at: expect.any(String),
        by: { userId: ids.khField, name: 'khField person', agencyCode: 'KH-AG' },
        action: 'amended',
        changes: { narrative: ['Normal traffic.', 'Two vans waiting on the far side.'] },
        reason: null,
      });
      expect(full.body.history[2].changes).toEqual({ lat: [null, 11.2], lon: [null, 105.3] });
      const reads = await db.query(`SELECT user_id FROM audit_log WHERE action = 'report.read' AND entity_id = $1`, [report.id]);
      expect(reads).toEqual([{ user_id: ids.vnCommander }]);
    });

    it('amending a verified report puts it back to reported', async () => {
      const report = (await post('khCommander', sitrep())).body;
      await http(t.baseUrl, 'POST', `/api/reports/${report.id}/verify`, { token: tokens.khCommander, body: {} });
      const amended = await http(t.baseUrl, 'PATCH', `/api/reports/${report.id}`, { token: tokens.khCommander, body: { title: 'Corrected title' } });
      expect(amended.status).toBe(200);
      expect(amended.body).toMatchObject({ status: 'reported', statusReason: null, statusBy: null, statusAt: null, title: 'Corrected title' });
      const history = await db.query(`SELECT action, changes FROM report_history WHERE report_id = $1 ORDER BY id`, [report.id]);
      expect(history).toEqual([
        { action: 'created', changes: {} },
        { action: 'verified', changes: { status: ['reported', 'verified'] } },
        { action: 'amended', changes: { title: ['Quiet at the crossing', 'Corrected title'], status: ['verified', 'reported'] } },
      ]);
    });

    it('re-marking a report changes who sees its later events', async () => {
      const report = (await post('khCommander', sitrep({ marking: 'TLP:GREEN' }))).body;
      const remarked = await http(t.baseUrl, 'PATCH', `/api/reports/${report.id}`, { token: tokens.khCommander, body: { marking: 'TLP:AMBER+STRICT' } });
      expect(remarked.status).toBe(200);
      const seen = async (who: string) => {
        const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?sinceSeq=${report.version - 1}&limit=500`, { token: tokens[who] });
        return answer.body.items.filter((event: { report?: { id: string } }) => event.report?.id === report.id).map((event: { type: string }) => event.type);
      };
      expect(await seen('khCommander')).toEqual(['report.created', 'report.updated']);
      expect(await seen('vnCommander')).toEqual(['report.created']);
      expect(await seen('thCommander')).toEqual(['report.created']);
      expect((await http(t.baseUrl, 'GET', `/api/reports/${report.id}`, { token: tokens.vnCommander })).status).toBe(404);
      // Back to RED naming VN: VN sees the newest event again; dropping RED drops the recipients.
      const red = await http(t.baseUrl, 'PATCH', `/api/reports/${report.id}`, { token: tokens.khCommander, body: { marking: 'TLP:RED', recipientAgencyIds: [ids.VN] } });
      expect(red.body.recipientAgencyIds).toEqual([ids.VN]);
      expect(await seen('vnCommander')).toEqual(['report.created', 'report.updated']);
      const amber = await http(t.baseUrl, 'PATCH', `/api/reports/${report.id}`, { token: tokens.khCommander, body: { marking: 'TLP:AMBER' } });
      expect(amber.body.recipientAgencyIds).toEqual([]);
    });
  });

  describe('list', () => {
    let listOperation: string;
    const created: { id: string; kind: string }[] = [];

    beforeAll(async () => {
      listOperation = (await arrangeOperation(db, { leadAgencyId: ids.KH, members: [{ agencyId: ids.VN, role: 'participant' }] })).id;
      const team = (await arrangeTeam(db, { operationId: listOperation, agencyId: ids.KH, memberUserIds: [ids.khField] })).id;
      const bodies = [
        sitrep({ occurredAt: '2026-10-01T00:00:00Z', lat: 10, lon: 105 }),
        sitrep({ kind: 'alert', occurredAt: '2026-10-02T00:00:00Z', lat: 12, lon: 103 }),
        sitrep({ kind: 'alert', occurredAt: '2026-10-03T00:00:00Z', marking: 'TLP:GREEN', teamId: team }),
        sitrep({ occurredAt: '2026-10-04T00:00:00Z', marking: 'TLP:AMBER+STRICT' }),
        sitrep({ occurredAt: '2026-10-05T00:00:00Z' }),
        sitrep({ occurredAt: '2026-10-06T00:00:00Z', lat: 10.5, lon: 105.5 }),
      ];
      for (const body of bodies) {
        const who = body.teamId ? 'khField' : 'khCommander';
        const answer = await post(who, body, listOperation);
        expect(answer.status).toBe(201);
        created.push({ id: answer.body.id, kind: answer.body.kind });
      }
      const vn = await post('vnCommander', sitrep({ occurredAt: '2026-10-07T00:00:00Z' }), listOperation);
      created.push({ id: vn.body.id, kind: 'sitrep' });
    });

    const list = async (who: string, query: string) => http(t.baseUrl, 'GET', `/api/operations/${listOperation}/reports${query}`, { token: tokens[who] });
    const idsOf = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((item) => item.id);

    it('pages newest first with an opaque cursor, with no gap and no repeat', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const answer = await list('khCommander', `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(answer.status).toBe(200);
        seen.push(...idsOf(answer));
        cursor = answer.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual([...created].reverse().map((report) => report.id));
    });

    it('filters by kind, status, marking, time, bbox, team and origin agency', async () => {
      expect(idsOf(await list('khCommander', '?kind=alert'))).toEqual([created[2].id, created[1].id]);
      expect(idsOf(await list('khCommander', '?marking=TLP:GREEN,TLP:AMBER%2BSTRICT'))).toEqual([created[3].id, created[2].id]);
      expect(idsOf(await list('khCommander', '?from=2026-10-02T00:00:00Z&to=2026-10-04T00:00:00Z'))).toEqual([created[2].id, created[1].id]);
      expect(idsOf(await list('khCommander', '?bbox=104.5,9.5,106,11'))).toEqual([created[5].id, created[0].id]);
      expect(idsOf(await list('khCommander', `?agencyId=${ids.VN}`))).toEqual([created[6].id]);
      const teamReports = await list('khCommander', `?teamId=${(await db.query('SELECT team_id FROM reports WHERE id = $1', [created[2].id]))[0].team_id}`);
      expect(idsOf(teamReports)).toEqual([created[2].id]);
      expect(idsOf(await list('khCommander', '?status=verified'))).toEqual([]);
    });

    it('applies the marking rule: a participant does not see another agency’s TLP:AMBER+STRICT', async () => {
      const answer = await list('vnCommander', '?limit=100');
      expect(idsOf(answer)).toEqual([...created].reverse().filter((_, index) => index !== 3).map((report) => report.id));
    });

    it('answers 400 for an invalid filter or cursor', async () => {
      expect((await list('khCommander', '?kind=rumour')).status).toBe(400);
      expect((await list('khCommander', '?bbox=1,2,3')).status).toBe(400);
      expect((await list('khCommander', '?cursor=garbage')).status).toBe(400);
      expect((await list('khCommander', '?limit=0')).status).toBe(400);
      expect((await list('khCommander', '?from=0000-01-01T00:00:00Z')).status).toBe(400);
      expect((await list('khCommander', '?unknown=1')).status).toBe(400);
    });
  });
});
