import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordingApi } from '../test-support/recording-api';
import { deliver } from './field-transport';
import { OutboxStore } from './outbox-store';
import type { Delivery, SendOutcome } from './outbox-types';
import { SyncEngine } from './sync-engine';

const OWNER = '11111111-1111-4111-8111-111111111111';
const OP = '22222222-2222-4222-8222-222222222222';
const TEAM = '33333333-3333-4333-8333-333333333333';
const TASK = '44444444-4444-4444-8444-444444444444';

/** Task changes made offline on the phone reach the server in the order made, each once, with its own clientId. */
describe('task changes through the field outbox', () => {
  let store: OutboxStore;
  let online: boolean;
  const sent: Delivery[] = [];
  let answers: SendOutcome[];

  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    store = new OutboxStore();
    online = false;
    sent.length = 0;
    answers = [];
  });
  afterEach(async () => store.close());

  const engine = () =>
    new SyncEngine({
      store,
      ownerId: OWNER,
      isOnline: () => online,
      withLock: (run) => run(),
      send: async (delivery) => {
        sent.push(delivery);
        return answers.shift() ?? { result: 'delivered' };
      },
    });

  it('delivers acknowledged then done in order when the link returns, and a lost answer is resent with the same clientId', async () => {
    const sync = engine();
    await sync.start();
    const ack = await sync.enqueue({ kind: 'task', operationId: OP, teamId: TEAM, body: { taskId: TASK, title: 'Hold the bridge', to: 'acknowledged' } });
    const done = await sync.enqueue({ kind: 'task', operationId: OP, teamId: TEAM, body: { taskId: TASK, title: 'Hold the bridge', to: 'done' } });
    expect(sent).toEqual([]);
    expect(sync.getSnapshot().status.waiting).toBe(2);

    online = true;
    // The first answer is lost on the way back: the item is sent again, under the same id.
    answers = [{ result: 'retry', reason: 'timeout', network: true }];
    await sync.kick();
    expect(sent.map((d) => d.items[0].id)).toEqual([ack.id]);
    await sync.kick();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent.map((d) => d.items[0].id)).toEqual([ack.id, ack.id, done.id]);
    expect((await store.get(done.id))?.state).toBe('delivered');
    sync.stop();
  });

  it('is POSTed to the task’s transitions with the item id as clientId', async () => {
    const { api, sent } = recordingApi();
    const item = { id: '55555555-5555-4555-8555-555555555555', seq: 1, ownerId: OWNER, operationId: OP, teamId: TEAM, state: 'queued' as const, createdAt: 0, attempts: 0, deliveredAt: null, rejection: null, kind: 'task' as const, body: { taskId: TASK, title: 'x', to: 'unable' as const, reason: 'Boat engine failed' } };
    await deliver(api, { kind: 'task', items: [item] });
    expect(sent.at(-1)).toMatchObject({
      method: 'POST',
      path: `/api/operations/${OP}/tasks/${TASK}/transitions`,
      body: { clientId: item.id, to: 'unable', reason: 'Boat engine failed' },
    });
    const message = { ...item, kind: 'message' as const, body: { taskId: TASK, title: 'x', text: 'On our way' } };
    await deliver(api, { kind: 'message', items: [message] });
    expect(sent.at(-1)).toMatchObject({ path: `/api/operations/${OP}/tasks/${TASK}/messages`, body: { clientId: item.id, body: 'On our way' } });
  });
});
