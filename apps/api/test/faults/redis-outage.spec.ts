import { arrangeOperation } from '../support/arrange-operation';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { Fixtures, signIn, signInCast, type CastMember } from '../support/fixtures';
import { http } from '../support/http';
import { connectOps, Feed, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { dropRedisKeys, TEST_REDIS_URL, testRedisPrefix } from '../support/test-redis';
import { FaultLedger, feedAccount, lastSeqOf } from './fault-ledger';

const JWT_SECRET = 'redis-fault-secret-redis-fault-secret-0123';

/**
 * Two real API processes joined through Redis, with a TCP proxy between them and Redis: the proxy
 * is cut while clients write and watch, and restored. Every instance stays up, writes and sign-ins
 * keep working, health says degraded, a new instance starts during the outage, and every client
 * ends with every event exactly once.
 */
describe('Redis cut and restored', () => {
  let database: TestDatabase;
  let db: Fixtures;
  let proxy: TcpProxy;
  let a: ApiProcess;
  let b: ApiProcess;
  let c: ApiProcess | null = null;
  const prefix = testRedisPrefix('redis-fault');
  const agency: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await Fixtures.open(database.url);
    const redis = new URL(TEST_REDIS_URL);
    proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    env = { DATABASE_URL: database.url, REDIS_URL: proxy.url(TEST_REDIS_URL), REDIS_PREFIX: prefix, JWT_SECRET };
    [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
    for (const code of ['KH', 'VN']) agency[code] = (await db.agency({ code: `${code}-RF` })).id;
    const cast: CastMember[] = [
      ['khCommander', 'KH', 'commander'],
      ['vnCommander', 'VN', 'commander'],
    ];
    await signInCast(db, a.baseUrl, agency, cast, { users, tokens });
  }, 90_000);

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await Promise.all([a?.stop(), b?.stop(), c?.stop()]);
    await proxy?.close();
    await db?.close();
    await database?.drop();
    await dropRedisKeys(prefix);
  });

  const health = async (instance: ApiProcess) => (await http(instance.baseUrl, 'GET', '/api/health')).body as { status: string };
  /** Asks the instance's health until it says `status` (condition, not clock). */
  const healthSays = async (instance: ApiProcess, status: string) => {
    let last = '';
    for (let tries = 0; tries < 300 && last !== status; tries++) {
      last = (await health(instance)).status;
      if (last !== status) await new Promise((done) => setTimeout(done, 100));
    }
    expect(last).toBe(status);
  };

  it('keeps every instance up and every acknowledged write, and delivers every event once, through the outage', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH, members: [{ agencyId: agency.VN, role: 'participant' }] })).id;
    const ledger = new FaultLedger();
    const feeds: Feed[] = [];
    for (const [instance, who] of [[a, 'khCommander'], [b, 'vnCommander']] as const) {
      const socket = await connectOps(instance.baseUrl, tokens[who]);
      sockets.push(socket);
      const feed = new Feed(socket);
      feeds.push(feed);
      expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
    }
    await waitUntil(() => feeds.every((feed) => feed.caughtUp.length === 1), 'both clients caught up');

    for (let i = 0; i < 3; i++) await ledger.postReport(() => a.baseUrl, tokens.khCommander, operationId);
    await waitUntil(() => feeds.every((feed) => feed.events.length === 3), 'the first events on both instances');

    proxy.cut();
    for (const instance of [a, b]) await healthSays(instance, 'degraded');

    // Writes on both instances, sign-ins on both, and a new instance that starts without Redis.
    for (let i = 0; i < 10; i++) {
      await ledger.postReport(() => a.baseUrl, tokens.khCommander, operationId);
      await ledger.postReport(() => b.baseUrl, tokens.vnCommander, operationId);
    }
    expect((await signIn(b.baseUrl, users.khCommander.email)).accessToken).toEqual(expect.any(String));
    expect((await signIn(a.baseUrl, users.vnCommander.email)).accessToken).toEqual(expect.any(String));
    c = await startApiProcess(env);
    expect((await health(c)).status).toBe('degraded');
    await ledger.postReport(() => c!.baseUrl, tokens.vnCommander, operationId);

    // Events written on the other instance reach each client from the database while Redis is away.
    const duringOutage = await lastSeqOf(db, operationId);
    await waitUntil(() => feeds.every((feed) => feed.lastSeq === duringOutage), `every client at seq ${duringOutage} during the outage`, 20_000, () => feeds.map((feed) => feed.lastSeq));

    // The crash this guards against came seconds after the first write of the outage: the
    // processes must still answer after the adapter's publishes have failed and timed out.
    await new Promise((done) => setTimeout(done, 8000));
    for (const instance of [a, b, c]) expect((await http(instance.baseUrl, 'GET', '/api/health')).status).toBe(200);

    proxy.restore();
    for (const instance of [a, b, c]) await healthSays(instance, 'ok');
    for (let i = 0; i < 3; i++) await ledger.postReport(() => a.baseUrl, tokens.khCommander, operationId);

    const lastSeq = await lastSeqOf(db, operationId);
    await waitUntil(() => feeds.every((feed) => feed.lastSeq === lastSeq), `every client at seq ${lastSeq}`, 20_000, () => feeds.map((feed) => feed.lastSeq));
    expect(await ledger.missingFrom(db, operationId)).toEqual([]);
    expect(ledger.acknowledged.size).toBe(ledger.attempted);
    expect(ledger.serverErrors).toBe(0);
    const accounts = feeds.map((feed) => feedAccount(feed, lastSeq));
    for (const account of accounts) expect(account).toEqual({ delivered: lastSeq, lost: 0, doubled: 0, outOfOrder: 0 });
    console.log(`[figures] Redis cut: ${ledger.summary()}; stored ${lastSeq} events; clients ${JSON.stringify(accounts)}; 3 instances up`);
  }, 120_000);
});
