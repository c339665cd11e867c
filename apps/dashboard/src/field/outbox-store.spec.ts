import 'fake-indexeddb/auto'; // IDBRequest, IDBKeyRange… as a browser has them
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxStore } from './outbox-store';
import type { OutboxItem } from './outbox-types';

const OWNER = '11111111-1111-4111-8111-111111111111';
const OP = '22222222-2222-4222-8222-222222222222';
const TEAM = '33333333-3333-4333-8333-333333333333';

function statusItem(id: string, overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    ownerId: OWNER,
    operationId: OP,
    teamId: TEAM,
    state: 'queued',
    createdAt: 0,
    attempts: 0,
    deliveredAt: null,
    rejection: null,
    kind: 'status',
    body: { status: 'en_route' },
    ...overrides,
  } as OutboxItem;
}

describe('OutboxStore', () => {
  let store: OutboxStore;

  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory(); // a fresh, empty browser profile per test
    store = new OutboxStore();
  });
  afterEach(() => store.close());

  it('keeps items in the order they were added, across a close and reopen (a reload)', async () => {
    await store.add(statusItem('a'));
    await store.add(statusItem('b'));
    await store.add(statusItem('c'));
    await store.close();

    const reopened = new OutboxStore();
    const items = await reopened.list(OWNER);
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(items.map((item) => item.seq)).toEqual([1, 2, 3]);
    await reopened.close();
  });

  it('answers the stored item with its seq', async () => {
    const stored = await store.add(statusItem('a'));
    expect(stored).toMatchObject({ id: 'a', seq: 1, state: 'queued' });
  });

  it('refuses a second item with the same client id', async () => {
    await store.add(statusItem('a'));
    await expect(store.add(statusItem('a'))).rejects.toThrow();
    expect((await store.list(OWNER)).length).toBe(1);
  });

  it('lists as pending what is queued or caught mid-send, not what is delivered or rejected', async () => {
    await store.add(statusItem('queued'));
    await store.add(statusItem('sending', { state: 'sending' }));
    await store.add(statusItem('delivered', { state: 'delivered', deliveredAt: 5 }));
    await store.add(statusItem('rejected', { state: 'rejected', rejection: { status: 409, message: 'closed' } }));
    expect((await store.pending(OWNER)).map((item) => item.id)).toEqual(['queued', 'sending']);
  });

  it("keeps each user's items apart", async () => {
    await store.add(statusItem('mine'));
    await store.add(statusItem('theirs', { ownerId: '44444444-4444-4444-8444-444444444444' }));
    expect((await store.list(OWNER)).map((item) => item.id)).toEqual(['mine']);
  });

  it('updates several items at once, with a patch that may depend on each item', async () => {
    await store.add(statusItem('a', { attempts: 2 }));
    await store.add(statusItem('b'));
    await store.update(['a', 'b'], (item) => ({ attempts: item.attempts + 1, state: 'sending' }));
    expect((await store.list(OWNER)).map((item) => [item.id, item.attempts, item.state])).toEqual([
      ['a', 3, 'sending'],
      ['b', 1, 'sending'],
    ]);
  });

  it('removes items, and prunes all but the newest delivered ones', async () => {
    for (const id of ['d1', 'd2', 'q', 'd3']) await store.add(statusItem(id, id === 'q' ? {} : { state: 'delivered' }));
    await store.pruneDelivered(OWNER, 2);
    expect((await store.list(OWNER)).map((item) => item.id)).toEqual(['d2', 'q', 'd3']);
    await store.remove(['q', 'no-such-id']);
    expect((await store.list(OWNER)).map((item) => item.id)).toEqual(['d2', 'd3']);
  });

  it('keeps small values (cache, last delivery time)', async () => {
    expect(await store.getValue('sites')).toBeUndefined();
    await store.setValue('sites', [{ code: 'kh-bavet' }]);
    expect(await store.getValue('sites')).toEqual([{ code: 'kh-bavet' }]);
    await store.deleteValue('sites');
    expect(await store.getValue('sites')).toBeUndefined();
  });
});
