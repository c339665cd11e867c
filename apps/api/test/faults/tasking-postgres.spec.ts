import { randomUUID } from 'node:crypto';
import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { Fixtures, signInCast, type CastMember } from '../support/fixtures';
import { http, type HttpAnswer } from '../support/http';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const JWT_SECRET = 'task-fault-secret-task-fault-secret-0123';

/**
 * Tasking's write paths (a task's create, its changes from the field outbox, a request's answer, a watched area's marking and removal)
 * and its deadline sweeper, while every PostgreSQL connection of a real API process is terminated
 * every 200 ms: answers are 503 with Retry-After (never 500), a retry with the same client id
 * applies each write once, and the process (its sweeper included) stays up.
 */
describe('tasking while PostgreSQL connections are terminated', () => {
  let database: TestDatabase;
  let db: Fixtures;
  let api: ApiProcess;
  const agency: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await Fixtures.open(database.url);
    api = await startApiProcess({ DATABASE_URL: database.url, JWT_SECRET, WRITES_PER_SECOND: '1000' });
    agency.KH = (await db.agency({ code: 'KH-TF' })).id;
    agency.VN = (await db.agency({ code: 'VN-TF' })).id;
    const cast: CastMember[] = [['kh', 'KH', 'commander'], ['field', 'KH', 'field'], ['vn', 'VN', 'commander']];
    await signInCast(db, api.baseUrl, agency, cast, { users, tokens });
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
    await db?.close();
    await database?.drop();
  });

  /** Sends until the answer is not 503 (waiting as Retry-After asks), as the field outbox does; every answer noted. */
  async function untilAnswered(send: () => Promise<HttpAnswer>, seen: number[]): Promise<HttpAnswer> {
    for (let attempt = 0; attempt < 60; attempt++) {
      const answer = await send().catch(() => ({ status: 0, body: null, headers: new Headers() }) as HttpAnswer);
      seen.push(answer.status);
      if (answer.status !== 503 && answer.status !== 0) return answer;
      await new Promise((done) => setTimeout(done, Math.min(Number(answer.headers.get('retry-after') ?? 0.2), 1) * 1000));
    }
    throw new Error(`no answer but 503 after 60 tries: ${seen.join(',')}`);
  }

  it('applies each retried create and change once, answers 503 not 500, and stays up', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH, members: [{ agencyId: agency.VN, role: 'participant' }] })).id;
    const teamId = (await arrangeTeam(db, { operationId, agencyId: agency.KH, memberUserIds: [users.field.id] })).id;
    let running = true;
    let terminated = 0;
    const terminator = (async () => {
      while (running) {
        const rows = await db.query<{ ok: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name = 'lintas-api' AND pid <> pg_backend_pid()`,
          [database.name],
        );
        terminated += rows.filter((row) => row.ok).length;
        await new Promise((done) => setTimeout(done, 200));
      }
    })();

    const seen: number[] = [];
    const path = (suffix: string) => `/api/operations/${operationId}${suffix}`;
    const taskIds: string[] = [];
    const changeIds: string[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const task = { clientId: randomUUID(), teamId, kind: 'hold', title: `Hold point ${i}`, marking: 'TLP:GREEN' };
        const created = await untilAnswered(() => http(api.baseUrl, 'POST', path('/tasks'), { token: tokens.kh, body: task }), seen);
        expect([200, 201]).toContain(created.status);
        taskIds.push(created.body.id);
        for (const to of ['acknowledged', 'done']) {
          const change = { clientId: randomUUID(), to };
          changeIds.push(change.clientId);
          const moved = await untilAnswered(() => http(api.baseUrl, 'POST', path(`/tasks/${created.body.id}/transitions`), { token: tokens.field, body: change }), seen);
          expect({ to, status: moved.status }).toEqual({ to, status: 200 });
        }
      }
      const request = { clientId: randomUUID(), toAgencyId: agency.VN, kind: 'assist', subject: 'Assist at the bridge' };
      const sent = await untilAnswered(() => http(api.baseUrl, 'POST', path('/requests'), { token: tokens.kh, body: request }), seen);
      const answer = { clientId: randomUUID(), to: 'accepted' };
      expect((await untilAnswered(() => http(api.baseUrl, 'POST', path(`/requests/${sent.body.id}/transitions`), { token: tokens.vn, body: answer }), seen)).status).toBe(200);
      // Watched areas: marked (idempotent by clientId) and removed (idempotent by nature).
      const ring = [[106.1, 11.0], [106.2, 11.0], [106.2, 11.1], [106.1, 11.1], [106.1, 11.0]];
      for (let i = 0; i < 4; i++) {
        const area = { clientId: randomUUID(), name: `Watched ${i}`, area: { type: 'Polygon', coordinates: [ring] }, noTeamMinutes: 30, marking: 'TLP:GREEN' };
        const marked = await untilAnswered(() => http(api.baseUrl, 'POST', path('/watched-areas'), { token: tokens.kh, body: area }), seen);
        expect([200, 201]).toContain(marked.status);
        if (i % 2 === 0) expect((await untilAnswered(() => http(api.baseUrl, 'DELETE', path(`/watched-areas/${marked.body.id}`), { token: tokens.kh }), seen)).status).toBe(204);
      }
    } finally {
      running = false;
      await terminator;
    }

    expect(seen.every((status) => [200, 201, 204, 503, 0].includes(status))).toBe(true);
    expect(terminated).toBeGreaterThan(0);
    expect((await http(api.baseUrl, 'GET', '/api/health')).status).toBe(200);
    expect(await db.query('SELECT id FROM tasks WHERE operation_id = $1', [operationId])).toHaveLength(8);
    const transitions = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM task_transitions WHERE client_id = ANY($1::uuid[])', [changeIds]);
    expect(transitions[0].n).toBe(changeIds.length);
    const states = await db.query<{ state: string }>('SELECT DISTINCT state FROM tasks WHERE operation_id = $1', [operationId]);
    expect(states).toEqual([{ state: 'done' }]);
    expect(await db.query('SELECT id FROM watched_areas WHERE operation_id = $1', [operationId])).toHaveLength(4);
    expect(await db.query('SELECT id FROM watched_areas WHERE operation_id = $1 AND removed_at IS NULL', [operationId])).toHaveLength(2);
    // Each change once in the log too: 8 created, 16 updated, the request's 2, 4 areas marked and 2 removed.
    const events = await db.query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM operation_events WHERE operation_id = $1 GROUP BY type ORDER BY type', [operationId]);
    expect(events).toEqual([
      { type: 'request.created', n: 1 },
      { type: 'request.updated', n: 1 },
      { type: 'task.created', n: 8 },
      { type: 'task.updated', n: 16 },
      { type: 'watched_area.created', n: 4 },
      { type: 'watched_area.removed', n: 2 },
    ]);
    console.log(`[figures] tasking under PostgreSQL terminations: ${terminated} connections killed; answers ${JSON.stringify(seen.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {}))}`);
  }, 120_000);
});
