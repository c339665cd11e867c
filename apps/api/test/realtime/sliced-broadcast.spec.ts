import { BROADCAST_SLICE } from '../../src/realtime/sliced-broadcast';
import { arrangeOperation } from '../support/arrange-operation';
import { Fixtures, signIn } from '../support/fixtures';
import { appendConcurrently, connectOps, Feed, range, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The live stream writes a commit to many sockets in slices with turns of the event loop between
 * them: with more sockets than a slice, every socket still gets every event once, in seq order,
 * also a client that reconnects and subscribes again while slices are queued.
 */
describe('live stream in slices', () => {
  let t: TestApp;
  let db: Fixtures;
  let lead: string;
  let token: string;
  const sockets: OpsClient[] = [];

  beforeAll(async () => {
    // Hundreds of sockets of one account subscribing at once: not a flood to cut here (test/abuse.spec.ts).
    t = await startTestApp({ SUBSCRIPTIONS_PER_SECOND: '10000' });
    db = await Fixtures.open(t.database.url);
    lead = (await db.agency({ code: 'KH-SLICE' })).id;
    token = (await signIn(t.baseUrl, (await db.user({ agencyId: lead, role: 'commander' })).email)).accessToken;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  it(`300 events from 6 writers reach ${BROADCAST_SLICE + 50} subscribers in order, each once, and reconnecting clients miss nothing`, async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const count = BROADCAST_SLICE + 50;
    const feeds: Feed[] = [];
    for (let i = 0; i < count; i++) {
      const socket = await connectOps(t.baseUrl, token);
      sockets.push(socket);
      feeds.push(new Feed(socket));
    }
    const answers = await Promise.all(sockets.map((socket) => subscribe(socket, { operationId, sinceSeq: 0, pages: true })));
    expect(answers.filter((answer) => !answer.ok)).toEqual([]);
    await waitUntil(() => feeds.every((feed) => feed.caughtUp.length === 1), 'every socket caught up', 30_000);

    const writing = appendConcurrently(t.app, operationId, 6, 50, { originAgencyId: lead });
    // While events flow, ten clients lose their link (events in flight are lost) and come back on
    // a new socket, subscribing from the last event they applied, as the dashboard does.
    await waitUntil(() => feeds[0].events.length >= 60, '60 events on the first socket', 30_000);
    for (const socket of sockets.slice(0, 10)) socket.io.engine.close();
    const again = await Promise.all(
      feeds.slice(0, 10).map(async (feed) => {
        const socket = await connectOps(t.baseUrl, token);
        sockets.push(socket);
        feed.listen(socket);
        return subscribe(socket, { operationId, sinceSeq: feed.lastSeq, pages: true });
      }),
    );
    expect(again.filter((answer) => !answer.ok)).toEqual([]);
    await writing;

    await waitUntil(() => feeds.every((feed) => feed.lastSeq === 300), 'seq 300 on every socket', 60_000, () => feeds.map((feed) => feed.lastSeq).filter((seq) => seq !== 300).slice(0, 5));
    for (const feed of feeds) expect(feed.seqs).toEqual(range(1, 300));
    expect(feeds.slice(0, 10).every((feed) => feed.caughtUp.length === 2)).toBe(true);
  });
});
