import { randomUUID } from 'node:crypto';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation } from './support/arrange-operation';

/** Concurrent writers: one gap-free event sequence per operation, idempotent creates under a race, consistent snapshots. */
describe('reports under concurrency', () => {
  let t: TestApp;
  let db: Fixtures;
  let agencyId: string;
  const tokens: string[] = [];

  const sitrep = (title: string) => ({ clientId: randomUUID(), kind: 'sitrep', title, occurredAt: '2026-11-01T00:00:00Z' });
  const create = (token: string, operationId: string, body: unknown) => http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token, body });
  const seqsOf = async (operationId: string) =>
    (await db.query<{ seq: string }>('SELECT seq FROM operation_events WHERE operation_id = $1 ORDER BY seq', [operationId])).map((row) => Number(row.seq));
  const oneTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1);

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    agencyId = (await db.agency({ code: 'CC-AG' })).id;
    for (let i = 0; i < 4; i++) {
      const user = await db.user({ agencyId, role: 'commander' });
      tokens.push((await signIn(t.baseUrl, user.email)).accessToken);
    }
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('20 parallel writers to one operation get event seqs exactly 1..20; then 20 parallel changes get 21..40', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agencyId })).id;
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => create(tokens[i % 4], operationId, sitrep(`Writer ${i}`))));
    expect(created.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    expect(await seqsOf(operationId)).toEqual(oneTo(20));
    expect(created.map((answer) => answer.body.version).sort((a, b) => a - b)).toEqual(oneTo(20));

    const changes = await Promise.all(
      created.map((answer, i) =>
        i % 2 === 0
          ? http(t.baseUrl, 'POST', `/api/reports/${answer.body.id}/verify`, { token: tokens[(i + 1) % 4], body: {} })
          : http(t.baseUrl, 'PATCH', `/api/reports/${answer.body.id}`, { token: tokens[(i + 1) % 4], body: { narrative: `Amended ${i}` } }),
      ),
    );
    expect(changes.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(await seqsOf(operationId)).toEqual(oneTo(40));
    const versions = await db.query<{ version: string }>('SELECT version FROM reports WHERE operation_id = $1 ORDER BY version', [operationId]);
    expect(versions.map((row) => Number(row.version))).toEqual(oneTo(40).slice(20));
    expect(await db.query('SELECT last_seq::int AS n FROM operations WHERE id = $1', [operationId])).toEqual([{ n: 40 }]);
  });

  it('the same create sent 5 times at once stores one report, and every answer carries its id', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agencyId })).id;
    const body = sitrep('Sent five times by a flaky link');
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(tokens[0], operationId, body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((answer) => answer.body.id));
    expect(ids.size).toBe(1);
    expect(await db.query('SELECT count(*)::int AS n FROM reports WHERE client_id = $1', [body.clientId])).toEqual([{ n: 1 }]);
    expect(await seqsOf(operationId)).toEqual([1]);
  });

  it('a snapshot taken during writes is consistent with its seq: the events after it are exactly the reports it lacks', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agencyId })).id;
    const writes = Promise.all(Array.from({ length: 30 }, (_, i) => create(tokens[i % 4], operationId, sitrep(`During snapshots ${i}`))));
    const snapshots = [];
    for (let i = 0; i < 8; i++) snapshots.push(await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot`, { token: tokens[0] }));
    await writes;
    for (const snapshot of snapshots) {
      expect(snapshot.status).toBe(200);
      const after = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?sinceSeq=${snapshot.body.seq}&limit=500`, { token: tokens[0] });
      const inSnapshot = snapshot.body.reports.map((report: { id: string }) => report.id);
      const fromEvents = after.body.items.map((event: { report: { id: string } }) => event.report.id);
      // Every report is in the snapshot or after its seq, never both, never neither.
      expect([...inSnapshot, ...fromEvents].sort()).toEqual((await db.query<{ id: string }>('SELECT id FROM reports WHERE operation_id = $1 ORDER BY id', [operationId])).map((row) => row.id));
      expect(snapshot.body.reports.every((report: { version: number }) => report.version <= snapshot.body.seq)).toBe(true);
      expect(snapshot.body.reports.length).toBe(snapshot.body.seq);
    }
  });

  it('pages the event log with nextSeq until it reaches lastSeq', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agencyId })).id;
    for (let i = 0; i < 7; i++) await create(tokens[0], operationId, sitrep(`Page ${i}`));
    const seen: number[] = [];
    let sinceSeq = 0;
    let pages = 0;
    for (;;) {
      const page = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?sinceSeq=${sinceSeq}&limit=3`, { token: tokens[1] });
      expect(page.status).toBe(200);
      expect(page.body.lastSeq).toBe(7);
      seen.push(...page.body.items.map((event: { seq: number }) => event.seq));
      pages += 1;
      if (page.body.nextSeq === null) break;
      sinceSeq = page.body.nextSeq;
    }
    expect(seen).toEqual(oneTo(7));
    expect(pages).toBe(3);
    expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?sinceSeq=-1`, { token: tokens[1] })).status).toBe(400);
    expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=501`, { token: tokens[1] })).status).toBe(400);
  });
});
