import 'fake-indexeddb/auto'; // IDBRequest, IDBKeyRange… as a browser has them
import type { CreateReport, DocumentCheck } from '@lintas/contracts';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxStore } from './outbox-store';
import type { Delivery, SendOutcome } from './outbox-types';
import { SyncEngine, type SyncEngineOptions } from './sync-engine';

const OWNER = '11111111-1111-4111-8111-111111111111';
const OP = '22222222-2222-4222-8222-222222222222';
const TEAM = '33333333-3333-4333-8333-333333333333';
const T0 = Date.parse('2026-11-28T08:00:00Z');

function report(title: string): { kind: 'report'; operationId: string; teamId: string; body: CreateReport } {
  return {
    kind: 'report',
    operationId: OP,
    teamId: TEAM,
    body: {
      clientId: '00000000-0000-4000-8000-000000000000', // replaced by the item's id in real use; not read here
      kind: 'sitrep',
      title,
      narrative: '',
      lat: null,
      lon: null,
      siteId: null,
      occurredAt: new Date(T0).toISOString(),
      teamId: TEAM,
      marking: 'TLP:AMBER',
      recipientAgencyIds: [],
      interception: null,
    },
  };
}

function position(seconds: number, metresNorth: number) {
  return {
    kind: 'position' as const,
    operationId: OP,
    teamId: TEAM,
    body: { lat: 11.07 + metresNorth / 111_195, lon: 106.12, heading: null, speed: null, accuracy: 10, at: new Date(T0 + seconds * 1000).toISOString() },
  };
}

/** A transport that answers from a script and records what it was asked to send. */
class FakeServer {
  readonly deliveries: Delivery[] = [];
  private readonly script: SendOutcome[] = [];
  /** State of the sent items in the store at the moment the request left. */
  readonly statesWhenSent: string[][] = [];

  constructor(private readonly store: OutboxStore) {}

  answer(...outcomes: SendOutcome[]): this {
    this.script.push(...outcomes);
    return this;
  }

  send = async (delivery: Delivery): Promise<SendOutcome> => {
    this.deliveries.push(delivery);
    const stored = await Promise.all(delivery.items.map((item) => this.store.get(item.id)));
    this.statesWhenSent.push(stored.map((item) => item?.state ?? 'missing'));
    return this.script.shift() ?? { result: 'delivered' };
  };

  titles(): string[] {
    return this.deliveries.map((d) => (d.kind === 'report' ? d.items[0].body.title : d.kind));
  }
}

const NETWORK_DOWN: SendOutcome = { result: 'retry', reason: 'the server could not be reached', network: true };

describe('SyncEngine', () => {
  let store: OutboxStore;
  let server: FakeServer;
  let online: boolean;
  let clock: number;
  let timers: Array<{ run: () => void; ms: number; cancelled: boolean }>;
  const engines: SyncEngine[] = [];

  function engine(overrides: Partial<SyncEngineOptions> = {}): SyncEngine {
    const created = new SyncEngine({
      store,
      ownerId: OWNER,
      send: server.send,
      isOnline: () => online,
      now: () => clock,
      random: () => 1, // the top of the jitter range: waits are exactly 1 s, 2 s, 4 s…
      setTimer: (run, ms) => {
        const timer = { run, ms, cancelled: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => {
        (timer as { cancelled: boolean }).cancelled = true;
      },
      withLock: (run) => run(),
      ...overrides,
    });
    engines.push(created);
    return created;
  }

  /** Fires the pending backoff timer, as time passing would. */
  async function elapse(sync: SyncEngine): Promise<number> {
    const timer = timers.filter((t) => !t.cancelled).pop();
    if (!timer) throw new Error('no timer is pending');
    timer.cancelled = true;
    clock += timer.ms;
    timer.run();
    await settle(sync);
    return timer.ms;
  }

  /** Waits until the engine has no pass running. */
  async function settle(sync: SyncEngine): Promise<void> {
    for (let i = 0; i < 50; i++) {
      await (sync as unknown as { running: Promise<void> | null }).running;
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!(sync as unknown as { running: Promise<void> | null }).running) return;
    }
  }

  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    store = new OutboxStore();
    server = new FakeServer(store);
    online = true;
    clock = T0;
    timers = [];
  });
  afterEach(async () => {
    for (const sync of engines.splice(0)) sync.stop();
    await store.close();
  });

  it('stores an item before sending it, then marks it delivered and records the time', async () => {
    const sync = engine();
    await sync.start();
    const item = await sync.enqueue(report('first'));
    await settle(sync);

    expect(server.statesWhenSent).toEqual([['sending']]);
    expect(await store.get(item.id)).toMatchObject({ state: 'delivered', deliveredAt: T0, attempts: 1 });
    expect(sync.getSnapshot().status).toMatchObject({ link: 'online', waiting: 0, lastDeliveredAt: T0, syncing: false });
  });

  it('keeps posts made offline, across a reload, and delivers them in order when the link returns', async () => {
    online = false;
    const first = engine();
    await first.start();
    for (const title of ['one', 'two', 'three']) await first.enqueue(report(title));
    expect(server.deliveries).toEqual([]);
    expect(first.getSnapshot().status).toMatchObject({ link: 'offline', waiting: 3 });
    first.stop();

    // The page is reloaded: a new engine on the same IndexedDB.
    const second = engine();
    await second.start();
    expect(second.getSnapshot().status.waiting).toBe(3);
    online = true;
    await second.kick();
    await settle(second);
    expect(server.titles()).toEqual(['one', 'two', 'three']);
    expect(second.getSnapshot().status).toMatchObject({ link: 'online', waiting: 0 });
  });

  it('backs off exponentially while the server is unreachable, then delivers', async () => {
    server.answer(NETWORK_DOWN, NETWORK_DOWN, NETWORK_DOWN);
    const sync = engine();
    await sync.start();
    const item = await sync.enqueue(report('patient'));
    await settle(sync);
    expect(sync.getSnapshot().status).toMatchObject({ link: 'offline', waiting: 1, problem: 'the server could not be reached', nextAttemptAt: T0 + 1_000 });
    expect(await store.get(item.id)).toMatchObject({ state: 'queued', attempts: 1 });

    expect(await elapse(sync)).toBe(1_000);
    expect(await elapse(sync)).toBe(2_000);
    expect(await elapse(sync)).toBe(4_000);
    expect(server.deliveries.length).toBe(4);
    expect(await store.get(item.id)).toMatchObject({ state: 'delivered', attempts: 4 });
    expect(sync.getSnapshot().status).toMatchObject({ link: 'online', problem: null, waiting: 0 });
  });

  it("waits at least as long as a 429's Retry-After", async () => {
    server.answer({ result: 'retry', reason: 'too many requests', network: false, retryAfterMs: 30_000 });
    const sync = engine();
    await sync.start();
    await sync.enqueue(report('slow down'));
    await settle(sync);
    expect(sync.getSnapshot().status.link).toBe('online'); // the server answered: the link is up
    expect(await elapse(sync)).toBe(30_000);
    expect(sync.getSnapshot().status.waiting).toBe(0);
  });

  it('marks a final rejection with the reason, moves on, and never sends it again', async () => {
    server.answer({ result: 'rejected', rejection: { status: 409, message: 'The operation is closed' } });
    const sync = engine();
    await sync.start();
    const refused = await sync.enqueue(report('refused'));
    await sync.enqueue(report('accepted'));
    await settle(sync);

    expect(server.titles()).toEqual(['refused', 'accepted']);
    expect(await store.get(refused.id)).toMatchObject({ state: 'rejected', rejection: { status: 409, message: 'The operation is closed' } });
    expect(sync.getSnapshot().status).toMatchObject({ waiting: 0, rejected: 1 });
    expect(timers.filter((t) => !t.cancelled)).toEqual([]);

    await sync.kick();
    await settle(sync);
    expect(server.deliveries.length).toBe(2);

    await sync.discard([refused.id]);
    expect(await store.get(refused.id)).toBeUndefined();
    expect(sync.getSnapshot().status.rejected).toBe(0);
  });

  it('does not discard an item that is still queued', async () => {
    online = false;
    const sync = engine();
    await sync.start();
    const queued = await sync.enqueue(report('on its way'));
    await sync.discard([queued.id]);
    expect(await store.get(queued.id)).toMatchObject({ state: 'queued' });
  });

  it('pauses when the session is refused even after a refresh, and resumes after sign-in', async () => {
    server.answer({ result: 'unauthenticated', reason: 'Sign in again to deliver' });
    const sync = engine();
    await sync.start();
    const item = await sync.enqueue(report('needs a session'));
    await settle(sync);
    expect(sync.getSnapshot().status).toMatchObject({ needsSignIn: true, waiting: 1 });
    expect(await store.get(item.id)).toMatchObject({ state: 'queued' });
    expect(timers).toEqual([]);

    await sync.kick(); // signed in again
    await settle(sync);
    expect(await store.get(item.id)).toMatchObject({ state: 'delivered' });
    expect(sync.getSnapshot().status.needsSignIn).toBe(false);
  });

  it('sends again an item caught mid-send by a closed tab (the server applies it once)', async () => {
    const stored = await store.add({ ...report('lost ack'), id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', ownerId: OWNER, state: 'sending', createdAt: T0, attempts: 1, deliveredAt: null, rejection: null });
    const sync = engine();
    await sync.start();
    await settle(sync);
    expect(server.titles()).toEqual(['lost ack']);
    expect(await store.get(stored.id)).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it("sends a team's queued positions as one compressed batch, oldest first, and forgets them once delivered", async () => {
    online = false;
    const sync = engine();
    await sync.start();
    // 5 fixes: two pairs a few metres apart (standing still), then a move of 300 m.
    for (const [seconds, metres] of [
      [0, 0],
      [60, 3],
      [120, 200],
      [180, 203],
      [240, 500],
    ]) {
      await sync.enqueue(position(seconds, metres));
    }
    await sync.enqueue(report('after the positions'));
    online = true;
    await sync.kick();
    await settle(sync);

    expect(server.titles()).toEqual(['positions', 'after the positions']);
    const batch = server.deliveries[0] as Extract<Delivery, { kind: 'positions' }>;
    expect(batch.items.length).toBe(5);
    expect(batch.positions.map((p) => (Date.parse(p.at) - T0) / 1000)).toEqual([0, 120, 240]);
    expect(batch).toMatchObject({ operationId: OP, teamId: TEAM });
    expect((await store.list(OWNER)).map((item) => item.kind)).toEqual(['report']);
    expect(sync.getSnapshot().lastPositions).toEqual({ queued: 5, sent: 3, at: T0 });
  });

  it('keeps the order between kinds: positions after a report go in a batch of their own', async () => {
    online = false;
    const sync = engine();
    await sync.start();
    await sync.enqueue(position(0, 0));
    await sync.enqueue({ kind: 'status', operationId: OP, teamId: TEAM, body: { status: 'engaged' } });
    await sync.enqueue(position(60, 500));
    online = true;
    await sync.kick();
    await settle(sync);
    expect(server.deliveries.map((d) => [d.kind, d.items.length])).toEqual([
      ['positions', 1],
      ['status', 1],
      ['positions', 1],
    ]);
  });

  it('counts a thrown error as a network failure, not a rejection', async () => {
    const sync = engine({
      send: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await sync.start();
    const item = await sync.enqueue(report('thrown'));
    await settle(sync);
    expect(await store.get(item.id)).toMatchObject({ state: 'queued' });
    expect(sync.getSnapshot().status).toMatchObject({ link: 'offline', problem: 'Failed to fetch' });
  });

  it('does not try while the device is offline', async () => {
    online = false;
    const sync = engine();
    await sync.start();
    await sync.enqueue(report('wait'));
    await settle(sync);
    expect(server.deliveries).toEqual([]);
    expect(timers).toEqual([]);
  });

  it('delivers a document check, keeps the server’s answer, and forgets the document number', async () => {
    const sync = engine();
    await sync.start();
    const answer: DocumentCheck = {
      id: 'c1',
      clientId: 'c',
      operationId: OP,
      teamId: TEAM,
      siteId: null,
      checkingAgencyId: 'a',
      officerUserId: 'u',
      documentType: 'passport',
      issuingCountry: 'KHM',
      result: 'potential_hit',
      hit: { status: 'stolen', source: 'Test list', reportedAt: null, listAgencyCode: 'KH-GDI', alertReportId: 'r1' },
      outcome: null,
      outcomeNote: null,
      outcomeBy: null,
      outcomeAt: null,
      checkedAt: '2026-11-28T08:00:00Z',
    };
    server.answer({ result: 'delivered', answer });
    online = false;
    const item = await sync.enqueue({ kind: 'document-check', operationId: OP, teamId: TEAM, body: { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001', expiryDate: null } });
    expect(await store.get(item.id)).toMatchObject({ state: 'queued', body: { documentNumber: 'N0000001' } });
    online = true;
    await sync.kick();
    await settle(sync);
    expect(server.deliveries.map((delivery) => delivery.kind)).toEqual(['document-check']);
    expect(await store.get(item.id)).toMatchObject({ state: 'delivered', answer, body: { documentType: 'passport', issuingCountry: 'KHM', documentNumber: '' } });
  });
});
