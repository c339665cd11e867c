import { randomUUID } from 'node:crypto';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';
import { Fixtures, signInCast, TEST_PASSWORD, type CastMember } from './support/fixtures';
import { http } from './support/http';
import { connectOps, Feed, subscribe, waitUntil, type OpsClient } from './support/ops-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What one client can no longer do to the others (issue "Survive the faults…", findings 3, 5, 6, 8):
 * flood writes or subscriptions, race the sign-in throttle, keep a lost role on an open socket, or
 * get events twice by subscribing twice. With the product's default budgets.
 */
describe('one client against the others', () => {
  let t: TestApp;
  let db: Fixtures;
  const agency: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];
  let operationId: string;

  const sitrep = () => ({ clientId: randomUUID(), kind: 'sitrep' as const, title: 'Flood', occurredAt: new Date(Date.now() - 60_000).toISOString(), marking: 'TLP:GREEN' as const });
  const open = async (who: string) => {
    const socket = await connectOps(t.baseUrl, tokens[who]);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const code of ['KH', 'VN']) agency[code] = (await db.agency({ code: `${code}-AB` })).id;
    const cast: CastMember[] = [
      ['flooder', 'KH', 'commander'],
      ['neighbour', 'KH', 'commander'],
      ['demoted', 'KH', 'commander'],
      ['field', 'KH', 'field'],
      ['admin', 'KH', 'admin'],
      ['watcher', 'VN', 'commander'],
    ];
    await signInCast(db, t.baseUrl, agency, cast, { users, tokens });
    operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH, members: [{ agencyId: agency.VN, role: 'participant' }] })).id;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  it('a flood of report:create from one account is cut to its budget with 429 and retryAfterSeconds; the others still write and health answers', async () => {
    const socket = await open('flooder');
    const started = Date.now();
    const flood = Array.from({ length: 300 }, () => socket.timeout(20_000).emitWithAck('report:create', { operationId, report: sitrep() }));
    const neighbour = http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: tokens.neighbour, body: sitrep() });
    const health = http(t.baseUrl, 'GET', '/api/health');
    const answers = await Promise.all(flood);
    const floodSeconds = Math.ceil((Date.now() - started) / 1000);
    const accepted = answers.filter((answer) => answer.ok).length;
    const refused = answers.filter((answer) => !answer.ok);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(answer).toMatchObject({ ok: false, error: { status: 429, retryAfterSeconds: expect.any(Number) } });
    }
    // The default budget: 20 a second and 60 more over ten seconds, for as long as the flood lasted
    // (on a busy machine the 300 writes take longer than a second to arrive).
    expect(accepted).toBeLessThanOrEqual(20 * (floodSeconds + 1) + 60);
    expect(accepted).toBeLessThan(300);
    expect((await neighbour).status).toBe(201);
    expect((await health).status).toBe(200);
    const [stored] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports r JOIN users u ON u.id = r.author_user_id WHERE u.email = $1', [users.flooder.email]);
    expect(stored.n).toBe(accepted);
  });

  it('a flood of REST writes answers 429 with Retry-After', async () => {
    const answers = await Promise.all(Array.from({ length: 120 }, () => http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: tokens.flooder, body: sitrep() })));
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused[0].body).toMatchObject({ statusCode: 429, message: expect.stringContaining('Too many changes') });
    expect(answers.every((answer) => answer.status === 201 || answer.status === 429)).toBe(true);
  });

  it('a flood of subscriptions is cut to its budget', async () => {
    const socket = await open('watcher');
    const answers = await Promise.all(Array.from({ length: 150 }, () => subscribe(socket, { operationId })));
    expect(answers.some((answer) => !answer.ok && answer.error.status === 429)).toBe(true);
  });

  it('40 concurrent wrong passwords get at most 5 verdicts, and the right one in a later burst is refused too', async () => {
    const email = users.field.email;
    const wrong = await Promise.all(Array.from({ length: 40 }, () => http(t.baseUrl, 'POST', '/api/auth/login', { body: { email, password: 'not the password at all' } })));
    const statuses = wrong.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(35);
    const burst = await Promise.all([
      ...Array.from({ length: 20 }, () => http(t.baseUrl, 'POST', '/api/auth/login', { body: { email, password: 'still not it at all' } })),
      http(t.baseUrl, 'POST', '/api/auth/login', { body: { email, password: TEST_PASSWORD } }),
    ]);
    expect(burst[20].status).toBe(429);
    expect(burst[20].headers.get('retry-after')).toBeTruthy();
  });

  it('a commander demoted to liaison can no longer post through the socket opened before', async () => {
    const teamId = (await arrangeTeam(db, { operationId, agencyId: agency.KH, memberUserIds: [users.demoted.id] })).id;
    const socket = await open('demoted');
    const before = await socket.timeout(5000).emitWithAck('report:create', { operationId, report: { ...sitrep(), teamId } });
    expect(before).toMatchObject({ ok: true });
    const changed = await http(t.baseUrl, 'PATCH', `/api/users/${users.demoted.id}`, { token: tokens.admin, body: { role: 'liaison' } });
    expect(changed.status).toBe(200);
    const after = await socket.timeout(5000).emitWithAck('report:create', { operationId, report: { ...sitrep(), teamId } });
    expect(after).toMatchObject({ ok: false, error: { status: 403 } });
  });

  it('subscribing twice on one socket without unsubscribing delivers each live event once', async () => {
    const socket = await open('watcher');
    const feed = new Feed(socket);
    let first = await subscribe(socket, { operationId });
    for (let i = 0; i < 20 && !first.ok; i++) {
      await new Promise((done) => setTimeout(done, 500)); // the previous test spent this account's subscription budget
      first = await subscribe(socket, { operationId });
    }
    expect(first).toMatchObject({ ok: true });
    expect(await subscribe(socket, { operationId })).toMatchObject({ ok: true });
    await waitUntil(() => feed.caughtUp.length >= 2, 'both subscriptions caught up');
    const created = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: tokens.neighbour, body: sitrep() });
    expect(created.status).toBe(201);
    await waitUntil(() => feed.events.some((event) => event.type === 'report.created' && event.report.id === created.body.id), 'the live event');
    await new Promise((done) => setTimeout(done, 300)); // a second copy would follow at once
    expect(feed.events.filter((event) => event.type === 'report.created' && event.report.id === created.body.id)).toHaveLength(1);
  });
});
