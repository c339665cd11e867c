import { randomUUID } from 'node:crypto';
import { REPORT_SUMMARY_FIELDS } from '@lintas/contracts';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';

describe('GET /api/operations/:id/snapshot', () => {
  let t: TestApp;
  let db: Fixtures;
  let lead: string;
  let other: string;
  let token: string;
  let commanderId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    lead = (await db.agency({ code: 'SN-LEAD' })).id;
    other = (await db.agency({ code: 'SN-OTHER' })).id;
    const commander = await db.user({ agencyId: lead, role: 'commander' });
    commanderId = commander.id;
    token = (await signIn(t.baseUrl, commander.email)).accessToken;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('answers the operation, its teams, its reports newest first and the seq they are consistent with', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead, members: [{ agencyId: other, role: 'participant' }] })).id;
    const team = await arrangeTeam(db, { operationId, agencyId: lead, callSign: 'MEKONG-1' });
    const posted = [];
    for (const title of ['First', 'Second']) {
      const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
        token,
        body: { clientId: randomUUID(), kind: 'sitrep', title, occurredAt: '2026-11-01T00:00:00Z' },
      });
      posted.push(answer.body);
    }
    const snapshot = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot`, { token });
    expect(snapshot.status).toBe(200);
    expect(Object.keys(snapshot.body).sort()).toEqual(['operation', 'reports', 'seq', 'teams']);
    expect(snapshot.body.operation).toMatchObject({ id: operationId, myRole: 'lead', leadAgency: { id: lead, code: 'SN-LEAD' } });
    expect(snapshot.body.teams.map((item: { id: string; callSign: string }) => [item.id, item.callSign])).toEqual([[team.id, 'MEKONG-1']]);
    expect(snapshot.body.reports).toEqual([posted[1], posted[0]]);
    expect(snapshot.body.seq).toBe(2);
  });

  it('caps the reports at the newest 5,000 the caller may see', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead, members: [{ agencyId: other, role: 'participant' }] })).id;
    const otherUser = await db.user({ agencyId: other, role: 'commander' });
    // 5,001 visible reports, the oldest first, and 10 newer ones the lead may see but a participant may not.
    await db.query(
      `INSERT INTO reports (client_id, operation_id, kind, title, occurred_at, received_at, origin_agency_id, author_user_id, marking, version)
       SELECT gen_random_uuid(), $1, 'sitrep', 'Bulk ' || n, now(), now() - (6000 - n) * interval '1 second', $2, $3, 'TLP:GREEN', 0
         FROM generate_series(1, 5001) AS n`,
      [operationId, lead, commanderId],
    );
    await db.query(
      `INSERT INTO reports (client_id, operation_id, kind, title, occurred_at, received_at, origin_agency_id, author_user_id, marking, version)
       SELECT gen_random_uuid(), $1, 'sitrep', 'Strict ' || n, now(), now() + n * interval '1 second', $2, $3, 'TLP:AMBER+STRICT', 0
         FROM generate_series(1, 10) AS n`,
      [operationId, lead, commanderId],
    );
    const forLead = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot`, { token });
    expect(forLead.body.reports).toHaveLength(5000);
    expect(forLead.body.reports[0].title).toBe('Strict 10');
    expect(forLead.body.reports[4999].title).toBe('Bulk 12');

    const otherToken = (await signIn(t.baseUrl, otherUser.email)).accessToken;
    const forOther = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot`, { token: otherToken });
    expect(forOther.body.reports).toHaveLength(5000);
    expect(forOther.body.reports[0].title).toBe('Bulk 5001');
    expect(forOther.body.reports[4999].title).toBe('Bulk 2');

    // A first screen asks for fewer: the newest it may see, the same seq; out of range answers 400.
    const first = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?reports=1000`, { token: otherToken });
    expect(first.body.reports.map((report: { title: string }) => report.title)).toEqual(forOther.body.reports.slice(0, 1000).map((report: { title: string }) => report.title));
    expect(first.body.seq).toBe(forOther.body.seq);
    expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?reports=0`, { token })).body.reports).toEqual([]);
    for (const bad of ['5001', '-1', 'many']) {
      const refused = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?reports=${bad}`, { token });
      expect({ bad, status: refused.status, code: refused.body.code }).toEqual({ bad, status: 400, code: expect.any(String) });
    }
  });

  it('answers the same reports in their summary form with compact=1, under the same marking filter, and nothing to a foreign agency', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead, members: [{ agencyId: other, role: 'participant' }] })).id;
    const otherUser = await db.user({ agencyId: other, role: 'commander' });
    const foreign = await db.user({ agencyId: (await db.agency({ code: 'SN-FOREIGN' })).id, role: 'commander' });
    const markings = [
      { title: 'Green', marking: 'TLP:GREEN' },
      { title: 'Strict', marking: 'TLP:AMBER+STRICT' },
      { title: 'Red for the lead only', marking: 'TLP:RED', recipientAgencyIds: [] },
      { title: 'Red for both', marking: 'TLP:RED', recipientAgencyIds: [other] },
      { title: 'Amber', marking: 'TLP:AMBER' },
    ];
    for (const report of markings) {
      const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
        token,
        body: { clientId: randomUUID(), kind: 'interception', occurredAt: '2026-11-01T00:00:00Z', lat: 10.5, lon: 105.1, narrative: 'Long words.', interception: { interceptionKind: 'smuggling', persons: 3 }, ...report },
      });
      expect(answer.status).toBe(201);
    }
    const otherToken = (await signIn(t.baseUrl, otherUser.email)).accessToken;
    for (const [who, bearer, expected] of [
      ['lead', token, ['Amber', 'Red for both', 'Red for the lead only', 'Strict', 'Green']],
      ['other', otherToken, ['Amber', 'Red for both', 'Green']],
    ] as const) {
      const full = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?reports=4`, { token: bearer });
      const compact = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?reports=4&compact=1`, { token: bearer });
      expect({ who, status: compact.status }).toEqual({ who, status: 200 });
      expect(Object.keys(compact.body).sort()).toEqual(['compact', 'operation', 'reports', 'seq', 'teams']);
      expect(compact.body).toMatchObject({ compact: true, seq: full.body.seq, operation: full.body.operation, teams: full.body.teams });
      // The same reports in the same order, each with exactly the summary's fields, equal to the full one's.
      expect({ who, titles: compact.body.reports.map((report: { title: string }) => report.title) }).toEqual({ who, titles: expected.slice(0, 4) });
      const summaries = full.body.reports.map((report: Record<string, unknown>) => Object.fromEntries(REPORT_SUMMARY_FIELDS.map((field) => [field, report[field]])));
      expect(compact.body.reports).toEqual(summaries);
      expect(Object.keys(compact.body.reports[0]).sort()).toEqual([...REPORT_SUMMARY_FIELDS].sort());
      expect(compact.body.reports[0]).toMatchObject({ lat: 10.5, lon: 105.1, interception: expect.objectContaining({ persons: 3 }) });
      expect(JSON.stringify(compact.body)).not.toContain('Long words.');
    }
    // compact=0 is the full form; anything but 0 or 1 is refused; an agency outside the operation gets nothing.
    expect(Object.keys((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?compact=0`, { token })).body).sort()).toEqual(['operation', 'reports', 'seq', 'teams']);
    for (const bad of ['true', '2', '']) {
      const refused = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?compact=${bad}`, { token });
      expect({ bad, status: refused.status, message: refused.body.message }).toEqual({ bad, status: 400, message: expect.stringContaining('compact') });
    }
    const foreignToken = (await signIn(t.baseUrl, foreign.email)).accessToken;
    const refused = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?compact=1`, { token: foreignToken });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('Green');
  });

  it('answers 400 for a malformed id and 404 for an unknown operation', async () => {
    expect((await http(t.baseUrl, 'GET', '/api/operations/nope/snapshot', { token })).status).toBe(400);
    expect((await http(t.baseUrl, 'GET', `/api/operations/${randomUUID()}/snapshot`, { token })).status).toBe(404);
  });

  it('is documented in OpenAPI with the cap', async () => {
    const document = (await http(t.baseUrl, 'GET', '/api/docs-json')).body;
    const snapshot = document.paths['/api/operations/{id}/snapshot'].get;
    expect(snapshot.description).toContain('5,000');
    expect(snapshot.description).toContain('compact=1');
    expect(snapshot.parameters.find((parameter: { name: string }) => parameter.name === 'compact').schema).toMatchObject({ enum: ['0', '1'], default: '0' });
    // Both forms are described (typed clients tell them apart by `compact`): the full one has no `compact`, the compact one's reports are summaries.
    const answer = snapshot.responses['200'].content['application/json'].schema;
    expect(answer.anyOf).toHaveLength(2);
    const [full, compact] = answer.anyOf;
    expect(full.properties).not.toHaveProperty('compact');
    expect(Object.keys(full.properties.reports.items.properties)).toContain('narrative');
    expect(compact.required).toContain('compact');
    expect(compact.properties.compact).toMatchObject({ type: 'boolean', enum: [true] });
    expect(Object.keys(compact.properties.reports.items.properties).sort()).toEqual([...REPORT_SUMMARY_FIELDS].sort());
    for (const path of ['/api/operations/{operationId}/reports', '/api/reports/{id}', '/api/reports/{id}/verify', '/api/reports/{id}/reject', '/api/operations/{id}/events']) {
      expect(Object.keys(document.paths)).toContain(path);
    }
    expect(document.paths['/api/operations/{operationId}/reports'].post.security).toEqual([{ bearer: [] }]);
  });
});
