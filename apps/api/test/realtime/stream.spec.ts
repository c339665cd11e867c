import { EventLogService } from '../../src/modules/event-log/event-log.service';
import { OperationEventBus } from '../../src/modules/event-log/operation-event-bus';
import { arrangeOperation } from '../support/arrange-operation';
import type { Fixtures } from '../support/fixtures';
import { appendConcurrently, appendEvent, Feed, range, subscribe, waitUntil } from '../support/ops-client';
import { useStreamScene } from '../support/stream-scene';
import type { TestApp } from '../support/test-app';

/** The live stream: order, completeness, catch-up while events are being written, a large catch-up. */
describe('realtime stream', () => {
  const scene = useStreamScene('KH-STREAM');
  const { open } = scene;
  let t: TestApp;
  let db: Fixtures;
  let lead: string;
  beforeAll(() => ({ t, db, lead } = scene));

  it('1,000 events from 10 concurrent writers reach 20 subscribers in seq order, none missing, none twice', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const feeds: Feed[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = await open();
      const feed = new Feed(socket);
      const answer = await subscribe(socket, { operationId, sinceSeq: 0 });
      expect(answer).toEqual({ ok: true, operationId, fromSeq: 0, positions: [] });
      await waitUntil(() => feed.caughtUp.length === 1, 'caught-up');
      expect(feed.caughtUp[0]).toEqual({ operationId, seq: 0, delivered: 0 });
      feeds.push(feed);
    }

    const started = Date.now();
    await appendConcurrently(t.app, operationId, 10, 100, { originAgencyId: lead });
    const written = Date.now();
    await waitUntil(() => feeds.every((feed) => feed.events.length >= 1000), '1000 events at every subscriber', 30_000, () => feeds.map((f) => f.events.length));
    const received = Date.now();

    for (const feed of feeds) expect(feed.seqs).toEqual(range(1, 1000));
    expect(feeds[0].events.every((event) => event.operationId === operationId)).toBe(true);
    const seconds = (received - started) / 1000;
    console.log(
      `[figures] live fan-out: 1000 events x 20 subscribers in ${seconds.toFixed(2)} s ` +
        `(writes took ${((written - started) / 1000).toFixed(2)} s; ${Math.round((20 * 1000) / seconds)} deliveries/s; last delivery ${received - written} ms after the last commit)`,
    );
  });

  it('fan-out throughput: 5,000 committed events published at once reach 20 subscribers complete and in order (timed)', async () => {
    // Writes are the slow part of the test above (one transaction per event, serialised on the
    // operation row); to measure the fan-out alone, the events are stored with SQL and then
    // published on the bus as their writers' after-commit hooks would.
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const feeds: Feed[] = [];
    for (let i = 0; i < 20; i++) {
      const socket = await open();
      const feed = new Feed(socket);
      await subscribe(socket, { operationId, sinceSeq: 0 });
      feeds.push(feed);
    }
    await waitUntil(() => feeds.every((feed) => feed.caughtUp.length === 1), 'all caught up');
    await db.query(
      `INSERT INTO operation_events (operation_id, seq, type, marking, origin_agency_id, payload)
       SELECT $1, s, 'operation.site_detached', 'TLP:GREEN', $2, jsonb_build_object('siteId', gen_random_uuid())
         FROM generate_series(1, 5000) AS s`,
      [operationId, lead],
    );
    await db.query('UPDATE operations SET last_seq = 5000 WHERE id = $1', [operationId]);
    const eventLog = t.app.get(EventLogService);
    const committed = [];
    for (let after = 0; after < 5000; after += 500) {
      committed.push(...(await eventLog.listSince(operationId, after, { agencyId: lead, markings: ['TLP:GREEN'], redIfRecipient: true }, 500)));
    }
    expect(committed).toHaveLength(5000);

    const bus = t.app.get(OperationEventBus);
    const started = Date.now();
    for (const event of committed) bus.publish(event);
    await waitUntil(() => feeds.every((feed) => feed.events.length >= 5000), '5000 events everywhere', 30_000, () => feeds.map((f) => f.events.length));
    const seconds = (Date.now() - started) / 1000;
    for (const feed of feeds) expect(feed.seqs).toEqual(range(1, 5000));
    console.log(`[figures] fan-out alone: 5000 events x 20 subscribers = 100,000 deliveries in ${seconds.toFixed(2)} s (${Math.round(100_000 / seconds)} deliveries/s)`);
  });

  it('a subscriber cut off while 500 events are written resubscribes with its last seq and ends with all of them exactly once', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const feed = new Feed();
    const first = await open();
    feed.listen(first);
    expect(await subscribe(first, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true, fromSeq: 0 });

    // Half of the events are written before the resubscription and half after it, whatever the
    // machine's speed: the writers wait at the halfway mark until the second socket has subscribed.
    let written = 0;
    let resubscribed!: () => void;
    const resubscription = new Promise<void>((resolve) => (resubscribed = resolve));
    const writing = Promise.all(
      Array.from({ length: 5 }, async () => {
        for (let i = 0; i < 100; i++) {
          if (i === 50) await resubscription;
          await appendEvent(t.app, operationId, { originAgencyId: lead });
          written++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }),
    );

    await waitUntil(() => feed.events.length >= 100, '100 events before the cut');
    first.io.engine.close(); // the transport dies under the client: no goodbye, events in flight are lost
    await waitUntil(() => !first.connected, 'the first socket to notice');
    const seenBeforeCut = feed.lastSeq;
    const second = await open();
    feed.listen(second);
    const answer = await subscribe(second, { operationId, sinceSeq: seenBeforeCut });
    const writtenAtResubscribe = written;
    resubscribed();
    expect(answer).toMatchObject({ ok: true, fromSeq: seenBeforeCut });

    await writing;
    await waitUntil(() => feed.lastSeq === 500, 'seq 500', 15_000, () => feed.lastSeq);
    expect(writtenAtResubscribe).toBeLessThanOrEqual(250); // the other half was written after the catch-up began
    expect(feed.seqs).toEqual(range(1, 500));
    expect(feed.caughtUp.map((message) => message.operationId)).toEqual([operationId, operationId]);
    console.log(`[figures] cut at seq ${seenBeforeCut}; resubscribed when ${writtenAtResubscribe} of 500 were written; all 500 received once`);
  });

  it('a catch-up of 10,000 events arrives complete and in order (timed)', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    await db.query(
      `INSERT INTO operation_events (operation_id, seq, type, marking, origin_agency_id, payload)
       SELECT $1, s, 'operation.site_detached', 'TLP:GREEN', $2, jsonb_build_object('siteId', gen_random_uuid())
         FROM generate_series(1, 10000) AS s`,
      [operationId, lead],
    );
    await db.query('UPDATE operations SET last_seq = 10000 WHERE id = $1', [operationId]);

    const socket = await open();
    const feed = new Feed(socket);
    const started = Date.now();
    expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true, fromSeq: 0 });
    await waitUntil(() => feed.caughtUp.length === 1, 'caught-up', 30_000);
    const elapsed = Date.now() - started;

    expect(feed.caughtUp[0]).toEqual({ operationId, seq: 10000, delivered: 10000 });
    expect(feed.seqs).toEqual(range(1, 10000));
    console.log(`[figures] catch-up of 10,000 events: ${elapsed} ms (${Math.round(10000 / (elapsed / 1000))} events/s)`);
  });

  it('subscribing without sinceSeq starts live from the current seq', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    await appendEvent(t.app, operationId, { originAgencyId: lead });
    await appendEvent(t.app, operationId, { originAgencyId: lead });
    const socket = await open();
    const feed = new Feed(socket);
    expect(await subscribe(socket, { operationId })).toMatchObject({ ok: true, fromSeq: 2 });
    await waitUntil(() => feed.caughtUp.length === 1, 'caught-up');
    await appendEvent(t.app, operationId, { originAgencyId: lead });
    await waitUntil(() => feed.events.length === 1, 'the live event');
    expect(feed.seqs).toEqual([3]);
    expect(feed.caughtUp).toEqual([{ operationId, seq: 2, delivered: 0 }]);
  });

  it('operation:unsubscribe stops the stream', async () => {
    const operationId = (await arrangeOperation(db, { leadAgencyId: lead })).id;
    const socket = await open();
    const feed = new Feed(socket);
    await subscribe(socket, { operationId, sinceSeq: 0 });
    await appendEvent(t.app, operationId, { originAgencyId: lead });
    await waitUntil(() => feed.events.length === 1, 'first event');
    expect(await socket.timeout(5000).emitWithAck('operation:unsubscribe', { operationId })).toEqual({ ok: true });
    await appendEvent(t.app, operationId, { originAgencyId: lead });
    // A marker on a second socket proves the second event has been fanned out.
    const marker = await open();
    const markerFeed = new Feed(marker);
    await subscribe(marker, { operationId, sinceSeq: 1 });
    await waitUntil(() => markerFeed.events.length === 1, 'the marker to see seq 2');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(feed.seqs).toEqual([1]);
  });
});
