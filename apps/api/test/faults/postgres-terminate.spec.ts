import { randomUUID } from 'node:crypto';
import { arrangeOperation } from '../support/arrange-operation';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { Fixtures, signInCast, TEST_PASSWORD, type CastMember } from '../support/fixtures';
import { http } from '../support/http';
import { connectOps, Feed, waitUntil, type OpsClient } from '../support/ops-client';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { FaultLedger, feedAccount, lastSeqOf } from './fault-ledger';

const JWT_SECRET = 'pg-fault-secret-pg-fault-secret-pg-fault-0123';
const WATCHERS = 10;
const BACKLOG = 120;

/**
 * A real API process whose PostgreSQL connections are terminated (`pg_terminate_backend`, as an
 * administrator or a failover does) every 250 ms while clients catch up from seq 0, write and sign
 * in. The process stays up, answers 503 with Retry-After (never 500), every acknowledged write is
 * stored, and every client that resumes with its last seq ends with every event exactly once.
 */
describe('PostgreSQL connections terminated', () => {
  let database: TestDatabase;
  let db: Fixtures;
  let api: ApiProcess;
  const agency: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];
  /** Stops the terminator of a test that failed while it ran. */
  let stopTerminating: (() => Promise<number>) | null = null;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await Fixtures.open(database.url);
    // The backlog is written quickly before the faults; the per-user budget is not what this tests.
    api = await startApiProcess({ DATABASE_URL: database.url, JWT_SECRET, WRITES_PER_SECOND: '1000' });
    agency.KH = (await db.agency({ code: 'KH-PF' })).id;
    const cast: CastMember[] = [
      ['khCommander', 'KH', 'commander'],
      ['admin', 'KH', 'admin'],
    ];
    await signInCast(db, api.baseUrl, agency, cast, { users, tokens });
  }, 90_000);

  afterEach(async () => {
    await stopTerminating?.();
    stopTerminating = null;
  });

  afterAll(async () => {
    if (process.env.FAULT_DEBUG) console.log(api.output().split('\n').filter((line) => line.includes('"level":50') || line.includes('"level":60') || line.includes('statusCode":500')).join('\n'));
    for (const socket of sockets) socket.close();
    await api?.stop();
    await db?.close();
    await database?.drop();
  });

  /** Terminates every connection of the API to the test database, every 250 ms, until stopped. */
  function terminateRepeatedly(): { stop: () => Promise<number> } {
    let running = true;
    let terminated = 0;
    const loop = (async () => {
      while (running) {
        const rows = await db.query<{ ok: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name = 'lintas-api' AND pid <> pg_backend_pid()`,
          [database.name],
        );
        terminated += rows.filter((row) => row.ok).length;
        await new Promise((done) => setTimeout(done, 250));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return terminated;
      },
    };
  }

  /**
   * A client that follows the operation from seq 0 the way the dashboard does: on any failure
   * (refused subscribe, a dropped catch-up) it connects again and resubscribes with its last seq.
   */
  async function follow(operationId: string, feed: Feed, until: () => boolean): Promise<number> {
    let resumes = 0;
    while (!until()) {
      let socket: OpsClient;
      try {
        socket = await connectOps(api.baseUrl, tokens.khCommander);
      } catch {
        resumes++;
        await new Promise((done) => setTimeout(done, 200));
        continue;
      }
      sockets.push(socket);
      feed.listen(socket);
      const answer = await socket.timeout(10_000).emitWithAck('operation:subscribe', { operationId, sinceSeq: feed.lastSeq }).catch(() => null);
      if (answer?.ok) {
        await waitUntil(() => until() || !socket.connected, 'caught up or dropped', 60_000).catch(() => undefined);
      }
      if (until()) return resumes;
      socket.close();
      resumes++;
      await new Promise((done) => setTimeout(done, 100));
    }
    return resumes;
  }

  it('keeps the process up, answers 503 not 500, stores every acknowledged write and delivers every event once', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH })).id;
    const ledger = new FaultLedger();
    for (let i = 0; i < BACKLOG; i++) await ledger.postReport(() => api.baseUrl, tokens.khCommander, operationId);

    const terminator = terminateRepeatedly();
    stopTerminating = terminator.stop;
    const feeds = Array.from({ length: WATCHERS }, () => new Feed());
    let writesDone = false;
    const target = { seq: Number.POSITIVE_INFINITY };
    const followers = feeds.map((feed) => follow(operationId, feed, () => feed.caughtUp.length > 0 && feed.lastSeq >= target.seq));
    const writers = (async () => {
      for (let i = 0; i < 30; i++) await ledger.postReport(() => api.baseUrl, tokens.khCommander, operationId);
      writesDone = true;
    })();
    const signIns = { attempted: 0, succeeded: 0 };
    const signingIn = (async () => {
      while (!writesDone) {
        signIns.attempted++;
        const answer = await http(api.baseUrl, 'POST', '/api/auth/login', { body: { email: users.khCommander.email, password: TEST_PASSWORD } }).catch(() => ({ status: 0 }));
        ledger.note(answer);
        if (answer.status === 200) signIns.succeeded++;
        else expect([503, 429, 0]).toContain(answer.status);
        await new Promise((done) => setTimeout(done, 300));
      }
    })();
    // Snapshots (one read-only REPEATABLE READ transaction each) while connections die: 200 or 503, and a 200 is whole.
    const snapshots = { attempted: 0, succeeded: 0 };
    const reading = (async () => {
      while (!writesDone) {
        snapshots.attempted++;
        const answer = await http(api.baseUrl, 'GET', `/api/operations/${operationId}/snapshot`, { token: tokens.khCommander }).catch(() => ({ status: 0, body: null }));
        ledger.note(answer);
        if (answer.status === 200) {
          snapshots.succeeded++;
          expect((answer.body as { seq: number; reports: unknown[] }).reports.length).toBeGreaterThanOrEqual(BACKLOG);
        } else expect([503, 429, 0]).toContain(answer.status);
        await new Promise((done) => setTimeout(done, 200));
      }
    })();
    await Promise.all([writers, signingIn, reading]);
    const terminated = await terminator.stop();

    target.seq = await lastSeqOf(db, operationId);
    const resumes = await Promise.all(followers);
    expect((await http(api.baseUrl, 'GET', '/api/health')).status).toBe(200);
    expect(await ledger.missingFrom(db, operationId)).toEqual([]);
    expect(ledger.acknowledged.size).toBe(ledger.attempted);
    expect(ledger.serverErrors).toBe(0);
    expect(signIns.succeeded).toBeGreaterThan(0);
    expect(snapshots.succeeded).toBeGreaterThan(0);
    expect(terminated).toBeGreaterThan(0);
    const accounts = feeds.map((feed) => feedAccount(feed, target.seq));
    for (const account of accounts) expect(account).toMatchObject({ lost: 0, doubled: 0, outOfOrder: 0 });
    console.log(
      `[figures] PostgreSQL terminated: ${terminated} connections killed; ${ledger.summary()}; sign-ins ${signIns.succeeded}/${signIns.attempted}; snapshots ${snapshots.succeeded}/${snapshots.attempted}; ` +
        `${WATCHERS} clients from seq 0 resumed ${resumes.reduce((sum, n) => sum + n, 0)} times in all, each ended with ${target.seq} events, lost ${accounts.reduce((s, x) => s + x.lost, 0)}, doubled ${accounts.reduce((s, x) => s + x.doubled, 0)}`,
    );
  }, 480_000);

  it('answers a write whose connection broke with 503 and Retry-After, and its retry with the same client id applies it once', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH })).id;
    const clientId = randomUUID();
    const body = { clientId, kind: 'sitrep', title: 'Retried', occurredAt: new Date(Date.now() - 60_000).toISOString(), marking: 'TLP:GREEN' };
    const terminator = terminateRepeatedly();
    stopTerminating = terminator.stop;
    let answer = await http(api.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: tokens.khCommander, body });
    const seen = [answer.status];
    for (let i = 0; i < 50 && answer.status === 503; i++) {
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      answer = await http(api.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: tokens.khCommander, body });
      seen.push(answer.status);
    }
    await terminator.stop();
    if (answer.status === 503) answer = await http(api.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: tokens.khCommander, body });
    expect([200, 201]).toContain(answer.status);
    expect(seen.every((status) => [200, 201, 503].includes(status))).toBe(true);
    expect(await db.query('SELECT id FROM reports WHERE client_id = $1', [clientId])).toHaveLength(1);
  }, 60_000);

  it('set-password links under broken connections: 200, 400 or 503, never 500; a link sets one password, once', async () => {
    const accounts: { email: string; token: string; password: string }[] = [];
    for (let i = 0; i < 4; i++) {
      const email = `pf-${i}-${randomUUID().slice(0, 6)}@test.lintas`;
      const created = await http(api.baseUrl, 'POST', '/api/users', { token: tokens.admin, body: { email, name: `Faulted ${i}`, role: 'field', agencyId: agency.KH } });
      expect(created.status).toBe(201);
      accounts.push({ email, token: created.body.setPassword.token, password: `fault pass phrase ${i}` });
    }
    const terminator = terminateRepeatedly();
    stopTerminating = terminator.stop;
    const seen: number[] = [];
    for (const account of accounts) {
      // As a person does: send again after a 503, until the link answers for good.
      for (let attempt = 0; attempt < 50; attempt++) {
        const answer = await http(api.baseUrl, 'POST', '/api/auth/set-password', { body: { token: account.token, password: account.password } });
        seen.push(answer.status);
        if (answer.status !== 503) break;
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    await terminator.stop();
    // A 400 may follow a 503 whose COMMIT went through before the connection broke: the password is set either way.
    expect(seen.every((status) => [200, 400, 503].includes(status))).toBe(true);
    for (const account of accounts) {
      expect((await http(api.baseUrl, 'POST', '/api/auth/login', { body: { email: account.email, password: account.password } })).status).toBe(200);
      const again = await http(api.baseUrl, 'POST', '/api/auth/set-password', { body: { token: account.token, password: 'someone else’s choice' } });
      expect(again.body.code).toBe('set_password_link_invalid');
    }
  }, 180_000);

  it("changes a user's own preferences through the faults with 200 or 503 (never 500); a retried PUT lands once, as sent", async () => {
    const terminator = terminateRepeatedly();
    stopTerminating = terminator.stop;
    const languages = ['th', 'km', 'vi', 'id', 'ms', 'fil'] as const;
    const seen: number[] = [];
    let last: { language: string; timeDisplay: string } = { language: 'en', timeDisplay: 'local' };
    for (let i = 0; i < 24; i++) {
      last = { language: languages[i % languages.length], timeDisplay: i % 2 ? 'utc' : 'local' };
      const answer = await http(api.baseUrl, 'PUT', '/api/me/preferences', { token: tokens.khCommander, body: last });
      seen.push(answer.status);
      if (answer.status === 200) expect(answer.body.preferences).toEqual(last);
      else expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      await new Promise((done) => setTimeout(done, 50));
    }
    await terminator.stop();
    // The same PUT again (the client's retry) leaves exactly what it says.
    expect((await http(api.baseUrl, 'PUT', '/api/me/preferences', { token: tokens.khCommander, body: last })).status).toBe(200);
    expect((await http(api.baseUrl, 'GET', '/api/me', { token: tokens.khCommander })).body.preferences).toEqual(last);
    expect(seen.every((status) => status === 200 || status === 503)).toBe(true);
    console.log(`[figures] preferences under PostgreSQL faults: ${seen.filter((s) => s === 200).length} applied, ${seen.filter((s) => s === 503).length} answered 503`);
  }, 60_000);
});
