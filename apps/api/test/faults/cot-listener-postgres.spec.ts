import { CotListener } from '../../src/modules/tak/cot-listener';
import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { CotClient, makeCot, pingFeature, positionFeature, until } from '../support/cot-client';
import { Fixtures, signIn } from '../support/fixtures';
import { http } from '../support/http';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The CoT listener's write path (a bound device's position, stored in PostgreSQL) while the API's
 * database connections are terminated every 250 ms: the listener and the device's connection stay
 * up, pings are still answered, a position that could not be stored is dropped (CoT has no
 * acknowledgement: the device sends its position again on its own), and once the database is back
 * its positions are stored again.
 */
describe('CoT listener while PostgreSQL connections are terminated', () => {
  let t: TestApp;
  let db: Fixtures;
  let teamId: string;
  let client: CotClient;
  const uid = 'ANDROID-FAULT-1';

  const stored = async () => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM team_positions WHERE team_id = $1', [teamId]))[0].n);

  beforeAll(async () => {
    t = await startTestApp({ COT_PORT: '0', COT_HOST: '127.0.0.1' });
    db = await Fixtures.open(t.database.url);
    const agency = await db.agency({ code: 'COT-PF' });
    const token = (await signIn(t.baseUrl, (await db.user({ agencyId: agency.id, role: 'commander' })).email)).accessToken;
    const operationId = (await arrangeOperation(db, { leadAgencyId: agency.id })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: agency.id })).id;
    expect((await http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${teamId}/devices`, { token, body: { uid } })).status).toBe(201);
    client = await CotClient.connect(t.app.get(CotListener).port!);
  });

  afterAll(async () => {
    client?.close();
    await db?.close();
    await t?.close();
  });

  it('stays up through the faults and stores positions again once they are over', async () => {
    let running = true;
    let terminated = 0;
    const terminator = (async () => {
      while (running) {
        const rows = await db.query<{ ok: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name = 'lintas-api' AND pid <> pg_backend_pid()`,
          [t.database.name],
        );
        terminated += rows.filter((row) => row.ok).length;
        await new Promise((done) => setTimeout(done, 250));
      }
    })();

    const start = Date.now();
    const during = await makeCot(Array.from({ length: 12 }, (_, i) => positionFeature(uid, 10 + i / 1000, 105, new Date(start - 30_000 + i * 1000))));
    const [ping] = await makeCot([pingFeature(uid)]);
    for (const event of during) {
      await client.send(event + ping);
      await new Promise((done) => setTimeout(done, 250));
    }
    running = false;
    await terminator;
    expect(terminated).toBeGreaterThan(0);
    await until('a pong for every ping', () => client.received.filter((event) => event.includes('t-x-c-t-r')).length === during.length);
    expect(client.closed).toBe(false);

    // Like ATAK, the device keeps sending its position: once the database is back, they are stored
    // again (the first after the faults may meet a pooled connection that was terminated while idle).
    const before = await stored();
    const after = await makeCot(Array.from({ length: 40 }, (_, i) => positionFeature(uid, 11 + i / 1000, 105, new Date(Date.now() - 20_000 + i * 400))));
    let sentAfter = 0;
    for (const event of after) {
      if ((await stored()) - before >= 4) break;
      await client.send(event);
      sentAfter++;
      await new Promise((done) => setTimeout(done, 250));
    }
    await until('four positions sent after the faults stored', async () => (await stored()) - before >= 4, 20_000);
    expect(sentAfter).toBeLessThan(after.length);
    console.log(`CoT under PostgreSQL faults: ${terminated} connections terminated; ${before} of ${during.length} positions sent during the faults stored; after them, ${(await stored()) - before} of ${sentAfter} sent`);
  });
});
