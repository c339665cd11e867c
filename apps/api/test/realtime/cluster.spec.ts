import { randomUUID } from 'node:crypto';
import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { Fixtures, signInCast, type CastMember } from '../support/fixtures';
import { http } from '../support/http';
import { connectOps, Feed, range, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { dropRedisKeys, TEST_REDIS_URL, testRedisPrefix } from '../support/test-redis';

const JWT_SECRET = 'cluster-secret-cluster-secret-cluster-0123';

/**
 * Two real API processes on one database, joined through Redis (a stream and channels of their
 * own, so parallel runs do not meet): events, positions and revocations cross from one to the
 * other, and the clients of an instance that dies resume on the other with every event once.
 */
describe('two API instances on Redis', () => {
  let database: TestDatabase;
  let db: Fixtures;
  let a: ApiProcess;
  let b: ApiProcess;
  const prefix = testRedisPrefix('cluster');
  const agency: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];

  const sitrep = (clientId: string = randomUUID()) => ({
    clientId,
    kind: 'sitrep',
    title: 'Crossing quiet',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    marking: 'TLP:GREEN',
  });
  const postReport = (instance: ApiProcess, operationId: string, body: object) =>
    http(instance.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: tokens.khCommander, body });
  const open = async (instance: ApiProcess, who: string) => {
    const socket = await connectOps(instance.baseUrl, tokens[who]);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await Fixtures.open(database.url);
    // 300 events from three writers of one account as fast as they go: not a flood to cut (test/abuse.spec.ts).
    const env = { DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET, WRITES_PER_SECOND: '10000' };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    for (const code of ['KH', 'VN']) agency[code] = (await db.agency({ code: `${code}-CL` })).id;
    const people: CastMember[] = [
      ['khCommander', 'KH', 'commander'],
      ['khField', 'KH', 'field'],
      ['vnCommander', 'VN', 'commander'],
    ];
    const users: Record<string, { id: string; email: string }> = {};
    await signInCast(db, a.baseUrl, agency, people, { users, tokens });
    agency.khFieldUserId = users.khField.id;
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await db?.close();
    await database?.drop();
    await dropRedisKeys(prefix);
  });

  it('an event written through instance A, a position posted on A and a revocation made on A reach a client of instance B', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH, members: [{ agencyId: agency.VN, role: 'participant' }] })).id;
    const teamId = (await arrangeTeam(db, { operationId, agencyId: agency.KH, memberUserIds: [agency.khFieldUserId] })).id;
    const onB = await open(b, 'vnCommander');
    const feed = new Feed(onB);
    expect(await subscribe(onB, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
    await waitUntil(() => feed.caughtUp.length === 1, 'caught up on B');

    const created = await postReport(a, operationId, sitrep());
    expect(created.status).toBe(201);
    await waitUntil(() => feed.events.length === 1, 'the event on B', 5000);
    expect(feed.events[0]).toMatchObject({ type: 'report.created', operationId, seq: 1, report: { id: created.body.id } });

    const field = await open(a, 'khField');
    const at = new Date(Date.now() - 1000).toISOString();
    expect(await field.timeout(5000).emitWithAck('team:position', { operationId, teamId, position: { lat: 11.1, lon: 106.1, at } })).toEqual({ ok: true });
    await waitUntil(() => feed.positions.length === 1, 'the position on B', 5000);
    expect(feed.positions[0]).toEqual({ operationId, positions: [{ teamId, lat: 11.1, lon: 106.1, heading: null, speed: null, accuracy: null, at }] });

    const onA = await open(a, 'vnCommander');
    const feedOnA = new Feed(onA);
    expect(await subscribe(onA, { operationId })).toMatchObject({ ok: true });
    const removed = await http(a.baseUrl, 'DELETE', `/api/operations/${operationId}/participants/${agency.VN}`, { token: tokens.khCommander });
    expect(removed.status).toBe(204);
    await waitUntil(() => feed.revoked.length === 1 && feedOnA.revoked.length === 1, 'access:revoked on B and on A', 5000);
    expect(feed.revoked).toEqual([{ operationId, reason: 'Your agency no longer takes part in this operation' }]);
    expect(feedOnA.revoked).toEqual(feed.revoked);
    const seen = feed.events.length;
    await postReport(a, operationId, sitrep());
    const seenOnA = feedOnA.events.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(feed.events.length).toBe(seen);
    expect(feedOnA.events.length).toBe(seenOnA);
  });

  it('instance A is killed mid-stream; its clients resume on B with their last seq and end with every event exactly once', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH })).id;
    const feeds: Feed[] = [];
    for (let i = 0; i < 5; i++) {
      const socket = await open(a, 'khCommander');
      const feed = new Feed(socket);
      expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
      feeds.push(feed);
    }

    // Three writers alternate between the instances; a write to A that fails (A died) is sent
    // again to B with the same clientId, as a field outbox would: it is stored once either way.
    let aAlive = true;
    const clientIds = new Set<string>();
    const writer = async (offset: number) => {
      for (let i = 0; i < 100; i++) {
        const body = sitrep();
        clientIds.add(body.clientId);
        const target = aAlive && (i + offset) % 2 === 0 ? a : b;
        let answer = await postReport(target, operationId, body).catch(() => null);
        if (!answer || answer.status >= 500) answer = await postReport(b, operationId, body);
        expect([200, 201]).toContain(answer.status);
      }
    };
    const writing = Promise.all([0, 1, 2].map(writer));

    await waitUntil(() => feeds.every((feed) => feed.events.length >= 60), '60 events at every client of A', 20_000);
    aAlive = false;
    await a.kill();
    const killedAt = Math.min(...feeds.map((feed) => feed.lastSeq));

    for (const feed of feeds) {
      const socket = await open(b, 'khCommander');
      feed.listen(socket);
      const lastSeen = feed.lastSeq;
      expect(await subscribe(socket, { operationId, sinceSeq: lastSeen })).toMatchObject({ ok: true, fromSeq: lastSeen });
    }
    await writing;

    const [{ last_seq: lastSeq }] = await db.query<{ last_seq: string }>('SELECT last_seq FROM operations WHERE id = $1', [operationId]);
    expect(Number(lastSeq)).toBe(300);
    expect(clientIds.size).toBe(300);
    await waitUntil(
      () => feeds.every((feed) => feed.lastSeq === 300),
      'seq 300 at every client',
      20_000,
      () => feeds.map((feed) => feed.lastSeq),
    );
    for (const feed of feeds) expect(feed.seqs).toEqual(range(1, 300));
    console.log(`[figures] cluster: A killed when its slowest client had seq ${killedAt}; 5 clients resumed on B and hold 1..300 exactly once`);
  });
});
