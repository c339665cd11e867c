import { Client } from 'pg';
import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { Fixtures, signInCast, type CastMember } from '../support/fixtures';
import { connectOps, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * A live position locks its team's row, then its insert checks the operation row (KEY SHARE); a
 * team write locks the operation row (FOR UPDATE), then updates the team: the two can deadlock,
 * and PostgreSQL aborts one of them (40P01). The position is idempotent (same team, same `at`), so
 * the writer tries it again: the field client gets its acknowledgement, not a refusal.
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

  it('is stored and acknowledged once the team write is through', async () => {
    const teamWrite = new Client({ connectionString: t.database.url });
    await teamWrite.connect();
    try {
      await teamWrite.query('BEGIN');
      await teamWrite.query('SELECT 1 FROM operations WHERE id = $1 FOR UPDATE', [operationId]);
      const at = new Date(Date.now() - 1000).toISOString();
      const acked = socket.timeout(15_000).emitWithAck('team:position', { operationId, teamId, position: { lat: 11.07, lon: 106.12, heading: 90, speed: 1.5, accuracy: 8, at } });
      // The position's transaction holds the team row and waits for the operation row.
      await waitForLockWait(db, 'team_positions');
      const teamUpdate = teamWrite.query("UPDATE teams SET status = 'en_route' WHERE id = $1", [teamId]).then(
        () => 'updated',
        (error: { code?: string }) => `refused ${error.code}`,
      );
      // PostgreSQL aborts one side of the deadlock; whichever it is, the other goes on.
      const outcome = await Promise.race([teamUpdate, acked.then(() => 'position first')]);
      if (outcome === 'updated') await teamWrite.query('COMMIT');
      else await teamWrite.query('ROLLBACK').catch(() => undefined);
      expect(await acked).toEqual({ ok: true });
      const rows = await db.query('SELECT 1 FROM team_positions WHERE team_id = $1 AND at = $2', [teamId, at]);
      expect(rows).toHaveLength(1);
    } finally {
      await teamWrite.end();
    }
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
