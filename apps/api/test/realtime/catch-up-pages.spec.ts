import { arrangeOperation } from '../support/arrange-operation';
import { Fixtures, signIn } from '../support/fixtures';
import { appendEvent, connectOps, Feed, range, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The catch-up in pages (`pages: true`): one `operation:events` packet per page of at most 500
 * events, in seq order, each event once across page boundaries, filtered by the marking rule, and
 * exactly once again after a cut in the middle of the pages. Clients that do not ask get single events.
 */
describe('catch-up in pages', () => {
  let t: TestApp;
  let db: Fixtures;
  let lead: string;
  let partner: string;
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];

  const open = async (who: 'lead' | 'partner') => {
    const socket = await connectOps(t.baseUrl, tokens[who]);
    sockets.push(socket);
    return socket;
  };
  /** `count` events written straight into the log: every third one TLP:AMBER+STRICT (the lead agency's only). */
  const fill = async (operationId: string, count: number) => {
    await db.query(
      `INSERT INTO operation_events (operation_id, seq, type, marking, origin_agency_id, payload)
       SELECT $1, s, 'operation.site_detached', CASE WHEN s % 3 = 0 THEN 'TLP:AMBER+STRICT' ELSE 'TLP:GREEN' END, $2, jsonb_build_object('siteId', gen_random_uuid())
         FROM generate_series(1, $3::int) AS s`,
      [operationId, lead, count],
    );
    await db.query('UPDATE operations SET last_seq = $2 WHERE id = $1', [operationId, count]);
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    lead = (await db.agency({ code: 'KH-PAGES' })).id;
    partner = (await db.agency({ code: 'VN-PAGES' })).id;
    tokens.lead = (await signIn(t.baseUrl, (await db.user({ agencyId: lead, role: 'commander' })).email)).accessToken;
    tokens.partner = (await signIn(t.baseUrl, (await db.user({ agencyId: partner, role: 'commander' })).email)).accessToken;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  it('sends 1,234 missed events as three pages in seq order, none twice, then caught-up', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    await fill(operationId, 1234);
    const socket = await open('lead');
    const feed = new Feed(socket);
    let single = 0;
    socket.on('operation:event', () => single++);
    expect(await subscribe(socket, { operationId, sinceSeq: 0, pages: true })).toMatchObject({ ok: true, fromSeq: 0 });
    await waitUntil(() => feed.caughtUp.length === 1, 'caught-up', 30_000);

    expect(feed.pages).toEqual([500, 500, 234]);
    expect(single).toBe(0);
    expect(feed.seqs).toEqual(range(1, 1234));
    expect(feed.caughtUp[0]).toEqual({ operationId, seq: 1234, delivered: 1234 });
  });

  it('pages hold only what the viewer may see, across page boundaries, and a client that does not ask gets the same events one by one', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead, members: [{ agencyId: partner, role: 'participant' }] })).id;
    await fill(operationId, 1500);
    const visible = range(1, 1500).filter((seq) => seq % 3 !== 0);

    const pagedSocket = await open('partner');
    const paged = new Feed(pagedSocket);
    expect(await subscribe(pagedSocket, { operationId, sinceSeq: 0, pages: true })).toMatchObject({ ok: true });
    await waitUntil(() => paged.caughtUp.length === 1, 'caught-up (pages)', 30_000);
    // The database is read 500 rows at a time and filtered in SQL: full pages of visible events.
    expect(paged.pages.every((size) => size > 0 && size <= 500)).toBe(true);
    expect(paged.seqs).toEqual(visible);
    expect(paged.caughtUp[0]).toEqual({ operationId, seq: 1500, delivered: visible.length });

    const singleSocket = await open('partner');
    const single = new Feed(singleSocket);
    expect(await subscribe(singleSocket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
    await waitUntil(() => single.caughtUp.length === 1, 'caught-up (single events)', 30_000);
    expect(single.pages).toEqual([]);
    expect(single.seqs).toEqual(visible);
  });

  it('a client cut after its first page resubscribes with the last seq of the pages it applied and ends with every event once, live ones included', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    await fill(operationId, 1500);
    const feed = new Feed();
    const first = await open('lead');
    feed.listen(first);
    // Cut the transport under the client as soon as the first page is in: the rest is lost in flight.
    first.once('operation:events', () => first.io.engine.close());
    expect(await subscribe(first, { operationId, sinceSeq: 0, pages: true })).toMatchObject({ ok: true });
    await waitUntil(() => !first.connected, 'the cut');
    const applied = feed.lastSeq;
    expect(applied % 500).toBe(0); // whole pages only
    expect(feed.seqs).toEqual(range(1, applied));

    // Events keep being written while the second socket catches up: they reach it live, after the pages.
    const second = await open('lead');
    feed.listen(second);
    const writing = (async () => {
      for (let i = 0; i < 60; i++) await appendEvent(t.app, operationId, { originAgencyId: lead });
    })();
    expect(await subscribe(second, { operationId, sinceSeq: applied, pages: true })).toMatchObject({ ok: true, fromSeq: applied });
    await writing;
    await waitUntil(() => feed.lastSeq === 1560, 'seq 1560', 30_000, () => feed.lastSeq);
    expect(feed.seqs).toEqual(range(1, 1560));
    expect(feed.caughtUp.length).toBeGreaterThanOrEqual(1);
  });
});
