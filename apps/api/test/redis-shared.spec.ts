import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.factory';
import { SHARED_REDIS } from '../src/redis/redis.module';
import type { RedisClient } from '../src/redis/redis-connection';
import { Fixtures, TEST_PASSWORD } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { dropRedisKeys, TEST_REDIS_URL, testRedisPrefix } from './support/test-redis';

/**
 * With REDIS_URL: failed sign-ins are counted once for all instances, health reports Redis, and a
 * Redis outage neither stops sign-in nor takes the instance out of a load balancer.
 */
describe('state shared through Redis: sign-in throttle and health', () => {
  const prefix = testRedisPrefix('shared');
  let a: TestApp;
  let b: INestApplication;
  let bUrl: string;
  let db: Fixtures;
  let agencyId: string;

  beforeAll(async () => {
    // A small write budget, so that one shared budget and two separate ones differ clearly.
    a = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, WRITES_PER_SECOND: '5' });
    b = await createApp(a.config, a.database.url);
    await b.listen(0, '127.0.0.1');
    bUrl = `http://127.0.0.1:${(b.getHttpServer().address() as { port: number }).port}`;
    db = await Fixtures.open(a.database.url);
    agencyId = (await db.agency({ code: 'KH-TH' })).id;
  });
  afterAll(async () => {
    await db?.close();
    await b?.close();
    await a?.close();
    await dropRedisKeys(prefix);
  });

  const login = (baseUrl: string, email: string, password: string) => http(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });

  it('five failures spread over two instances lock the account on both', async () => {
    const user = await db.user({ agencyId, role: 'commander' });
    for (const baseUrl of [a.baseUrl, bUrl, a.baseUrl, bUrl, a.baseUrl]) expect((await login(baseUrl, user.email, 'wrong guess')).status).toBe(401);
    for (const baseUrl of [a.baseUrl, bUrl]) {
      const answer = await login(baseUrl, user.email, TEST_PASSWORD);
      expect(answer.status).toBe(429);
      expect(answer.body.message).toMatch(/^Too many failed sign-ins; try again in \d+ minute\(s\)$/);
    }
  });

  it('a success on one instance clears the account count for both', async () => {
    const user = await db.user({ agencyId, role: 'field' });
    for (const baseUrl of [a.baseUrl, bUrl, a.baseUrl, bUrl]) expect((await login(baseUrl, user.email, 'wrong guess')).status).toBe(401);
    expect((await login(bUrl, user.email, TEST_PASSWORD)).status).toBe(200);
    for (const baseUrl of [a.baseUrl, bUrl, a.baseUrl, bUrl]) expect((await login(baseUrl, user.email, 'wrong guess')).status).toBe(401);
    expect((await login(a.baseUrl, user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it("a user's write budget is one for both instances: a flood spread over them is cut as if it hit one", async () => {
    const user = await db.user({ agencyId, role: 'commander' });
    const token = (await login(a.baseUrl, user.email, TEST_PASSWORD)).body.accessToken as string;
    // Any write spends the budget before its body is read: these would be 404s, not stored.
    const began = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => http(i % 2 ? bUrl : a.baseUrl, 'POST', '/api/operations/00000000-0000-4000-8000-000000000000/reports', { token, body: {} })),
    );
    const seconds = (performance.now() - began) / 1000;
    const allowed = answers.filter((answer) => answer.status !== 429).length;
    // One budget for both: 5 in each one-second window the flood touched and 15 more over ten
    // seconds (at most 25 when the flood arrives within a second; separate budgets would allow
    // twice as many). A loaded machine spreads the flood over several windows: the bound follows.
    const oneBudget = 5 * (Math.floor(seconds) + 2) + 15;
    expect(allowed).toBeGreaterThan(0);
    expect(allowed).toBeLessThanOrEqual(oneBudget);
    expect(allowed).toBeLessThan(100);
  });

  it('health reports Redis up', async () => {
    const { status, body } = await http(bUrl, 'GET', '/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('while Redis does not answer: sign-in works and is still limited (in memory), and health says degraded with 200', async () => {
    const redis = b.get<RedisClient>(SHARED_REDIS);
    const user = await db.user({ agencyId, role: 'liaison' });
    redis.destroy();
    expect((await login(bUrl, user.email, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await login(bUrl, user.email, 'wrong guess')).status).toBe(401);
    expect((await login(bUrl, user.email, TEST_PASSWORD)).status).toBe(429);

    const { status, body } = await http(bUrl, 'GET', '/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.info.database.status).toBe('up');
    expect(body.details.redis).toMatchObject({ status: 'degraded', message: expect.stringContaining('Redis') });
  });
});
