import { randomUUID } from 'node:crypto';
import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { Fixtures, signIn } from '../support/fixtures';
import { connectOps, Feed, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** `report:create` over the socket: the same rules as REST, and the event reaches subscribers. */
describe('report:create over the socket', () => {
  let t: TestApp;
  let db: Fixtures;
  const agency: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];
  let operationId: string;
  let teamId: string;

  const open = async (who: string) => {
    const socket = await connectOps(t.baseUrl, tokens[who]);
    sockets.push(socket);
    return socket;
  };
  const sitrep = (clientId = randomUUID()) => ({
    clientId,
    kind: 'sitrep' as const,
    title: 'Quiet at the crossing',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    teamId,
    marking: 'TLP:GREEN' as const,
  });

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const code of ['KH', 'TH']) agency[code] = (await db.agency({ code: `${code}-RC` })).id;
    const field = await db.user({ agencyId: agency.KH, role: 'field' });
    tokens.khField = (await signIn(t.baseUrl, field.email)).accessToken;
    tokens.thCommander = (await signIn(t.baseUrl, (await db.user({ agencyId: agency.TH, role: 'commander' })).email)).accessToken;
    operationId = (await arrangeOperation(db, { leadAgencyId: agency.KH, members: [{ agencyId: agency.TH, role: 'observer' }] })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: agency.KH, memberUserIds: [field.id] })).id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  it('creates the report once (a retry answers the same report) and its event reaches the subscribers', async () => {
    const watcher = await open('thCommander');
    const feed = new Feed(watcher);
    await subscribe(watcher, { operationId, sinceSeq: 0 });
    const field = await open('khField');
    const body = sitrep();

    const first = await field.timeout(5000).emitWithAck('report:create', { operationId, report: body });
    expect(first).toMatchObject({ ok: true, report: { clientId: body.clientId, operationId, kind: 'sitrep', title: body.title, teamId, status: 'reported' } });
    const retry = await field.timeout(5000).emitWithAck('report:create', { operationId, report: body });
    expect(retry).toEqual(first);

    await waitUntil(() => feed.events.length === 1, 'the report.created event');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]).toMatchObject({ type: 'report.created', operationId, seq: 1, report: { clientId: body.clientId } });
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM reports WHERE client_id = $1', [body.clientId]);
    expect(count).toBe(1);
  });

  it('refuses an observer with 403, as REST does', async () => {
    const observer = await open('thCommander');
    expect(await observer.timeout(5000).emitWithAck('report:create', { operationId, report: sitrep() })).toEqual({
      ok: false,
      error: { status: 403, code: 'observer_read_only', message: 'Observing agencies cannot write into this operation' },
    });
  });
});
