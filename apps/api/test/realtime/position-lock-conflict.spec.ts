import { Client } from 'pg';
import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { Fixtures, signInCast, type CastMember } from '../support/fixtures';
import { http } from '../support/http';
import { connectOps, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A live position locks its team's row, then its insert checks the operation row (KEY SHARE); a
 * team write locks the operation row (FOR UPDATE), then updates the team: the two can deadlock,
 * and PostgreSQL aborts one of them (40P01). The position is idempotent (same team, same `at`), so
 * the server tries it again (`retryOnTransientConflict`, shared by the live batch writer and the
 * outbox's REST upload): the field client gets its acknowledgement or its 200, not a refusal.
 */
describe('a live position that deadlocks with a team write', () => {
  let t: TestApp;
  let db: Fixtures;
  let socket: OpsClient;
  let operationId: string;
  let teamId: string;
  const agency: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    agency.KH = (await db.agency({ code: 'KH-LOCK' })).id;
    const people: CastMember[] = [['khField', 'KH', 'field']];
    await signInCast(db, t.baseUrl, agency, people, { users, tokens });
    operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: agency.KH, callSign: 'KH LOCK', memberUserIds: [users.khField.id] })).id;
    socket = await connectOps(t.baseUrl, tokens.khField);
  });
  afterAll(async () => {
    socket?.close();
    await db.close();
    await t.close();
  });

  /**
   * Holds the operation row FOR UPDATE, sends one position through `send`, waits until the position's
   * transaction waits for that lock, then updates the team: a deadlock, of which PostgreSQL aborts one
   * side. Answers what `send` answered once both are through; the position is stored exactly once.
   */
  async function deadlockWithTeamWrite<T>(send: (at: string) => Promise<T>): Promise<T> {
    const teamWrite = new Client({ connectionString: t.database.url });
    await teamWrite.connect();
    try {
      await teamWrite.query('BEGIN');
      await teamWrite.query('SELECT 1 FROM operations WHERE id = $1 FOR UPDATE', [operationId]);
      const at = new Date(Date.now() - 1000 - Math.floor(Math.random() * 60_000)).toISOString();
      const answered = send(at);
      // The position's transaction holds the team row and waits for the operation row.
      await waitForLockWait(db, 'team_positions');
      const teamUpdate = teamWrite.query("UPDATE teams SET status = 'en_route' WHERE id = $1", [teamId]).then(
        () => 'updated',
        (error: { code?: string }) => `refused ${error.code}`,
      );
      // PostgreSQL aborts one side of the deadlock; whichever it is, the other goes on.
      const outcome = await Promise.race([teamUpdate, answered.then(() => 'position first')]);
      if (outcome === 'updated') await teamWrite.query('COMMIT');
      else await teamWrite.query('ROLLBACK').catch(() => undefined);
      const answer = await answered;
      const rows = await db.query('SELECT 1 FROM team_positions WHERE team_id = $1 AND at = $2', [teamId, at]);
      expect(rows).toHaveLength(1);
      return answer;
    } finally {
      await teamWrite.end();
    }
  }

  const position = (at: string) => ({ lat: 11.07, lon: 106.12, heading: 90, speed: 1.5, accuracy: 8, at });

  it('is stored and acknowledged once the team write is through (live, over the socket)', async () => {
    const acked = await deadlockWithTeamWrite((at) => socket.timeout(15_000).emitWithAck('team:position', { operationId, teamId, position: position(at) }));
    expect(acked).toEqual({ ok: true });
  }, 30_000);

  it('is stored and answered 200, not 503, once the team write is through (the outbox upload, over REST)', async () => {
    const answer = await deadlockWithTeamWrite((at) =>
      http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${teamId}/positions`, { token: tokens.khField, body: { positions: [position(at)] } }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ accepted: 1, stored: 1 });
  }, 30_000);
});

/** Waits until a backend of the API is blocked on a lock while running a statement mentioning `table`. */
async function waitForLockWait(db: Fixtures, table: string): Promise<void> {
  for (;;) {
    const rows = await db.query(
      `SELECT 1 FROM pg_stat_activity WHERE application_name = 'lintas-api' AND wait_event_type = 'Lock' AND query ILIKE $1`,
      [`%${table}%`],
    );
    if (rows.length > 0) return;
    await new Promise((done) => setTimeout(done, 20));
  }
}
