import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { Fixtures, signIn } from '../support/fixtures';
import { http } from '../support/http';
import { connectOps, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

const UNAVAILABLE = 'The service is restarting or its database is unavailable; nothing was stored, retry shortly';

/**
 * While the API shuts down, its database connections close before the HTTP server and the sockets
 * do: a write arriving then is answered 503 with a message (retry later), never 500.
 */
describe('writes while the API shuts down', () => {
  let t: TestApp;
  let db: Fixtures;
  let field: OpsClient;
  let operationId: string;
  let teamId: string;
  let commanderToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const kh = (await db.agency({ code: 'KH-SHUT' })).id;
    const fieldUser = await db.user({ agencyId: kh, role: 'field' });
    const commander = await db.user({ agencyId: kh, role: 'commander' });
    operationId = (await arrangeOperation(db, { leadAgencyId: kh })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: kh, memberUserIds: [fieldUser.id] })).id;
    field = await connectOps(t.baseUrl, (await signIn(t.baseUrl, fieldUser.email)).accessToken);
    commanderToken = (await signIn(t.baseUrl, commander.email)).accessToken;
    const position = { lat: 11, lon: 105, heading: null, speed: null, accuracy: null, at: new Date().toISOString() };
    // Stored while the database is there: the path works before the shutdown.
    expect(await field.timeout(5000).emitWithAck('team:position', { operationId, teamId, position })).toEqual({ ok: true });
    // The shutdown's step that closes the pool (TypeORM's own shutdown hook does the same).
    await t.app.get(DataSource).destroy();
  });
  afterAll(async () => {
    field?.close();
    await db?.close();
    await t?.close();
  });

  it('answers a live position 503 over the socket', async () => {
    const position = { lat: 11.1, lon: 105.1, heading: null, speed: null, accuracy: null, at: new Date().toISOString() };
    expect(await field.timeout(5000).emitWithAck('team:position', { operationId, teamId, position })).toEqual({
      ok: false,
      error: { status: 503, code: 'service_unavailable', message: UNAVAILABLE, retryAfterSeconds: 2 },
    });
  });

  it('answers a REST write 503', async () => {
    const body = { clientId: randomUUID(), kind: 'sitrep', title: 'Quiet', narrative: 'Normal traffic.', occurredAt: '2026-11-01T08:00:00Z' };
    const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: commanderToken, body });
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'service_unavailable', message: UNAVAILABLE });
  });
});
