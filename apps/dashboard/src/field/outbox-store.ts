import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { OutboxItem, OutboxState, StoredOutboxItem } from './outbox-types';

/**
 * The field outbox and the field page's offline cache, in IndexedDB: an item is stored before it
 * is sent, and stays across reloads and closed tabs until it is delivered or the officer
 * discards a rejected one.
 */
interface FieldDb extends DBSchema {
  outbox: { key: number; value: StoredOutboxItem; indexes: { 'by-id': string; 'by-owner': string } };
  /** Small values: the last delivery time, cached sites, the officer's teams. */
  kv: { key: string; value: unknown };
}

export const FIELD_DB_NAME = 'lintas-field';
const VERSION = 1;
const PENDING: readonly OutboxState[] = ['queued', 'sending'];

export type ItemPatch = Partial<Pick<OutboxItem, 'state' | 'attempts' | 'deliveredAt' | 'rejection' | 'answer'>> & { body?: OutboxItem['body'] };

export class OutboxStore {
  private db: Promise<IDBPDatabase<FieldDb>> | null = null;

  constructor(private readonly name: string = FIELD_DB_NAME) {}

  private open(): Promise<IDBPDatabase<FieldDb>> {
    this.db ??= openDB<FieldDb>(this.name, VERSION, {
      upgrade(db) {
        // Auto-increment keys give the delivery order, atomically, even with two tabs adding.
        const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
        outbox.createIndex('by-id', 'id', { unique: true });
        outbox.createIndex('by-owner', 'ownerId');
        db.createObjectStore('kv');
      },
      blocking: () => {
        // A newer version of the page wants to upgrade the schema: let it.
        void this.close();
      },
    }).catch((error: unknown) => {
      this.db = null;
      throw error;
    });
    return this.db;
  }

  /** Resolves once the item is durably stored; answers it with its `seq`. */
  async add(item: OutboxItem): Promise<StoredOutboxItem> {
    const db = await this.open();
    const { seq: _ignored, ...withoutSeq } = item;
    const seq = await db.add('outbox', withoutSeq as StoredOutboxItem);
    return { ...item, seq };
  }

  /** Every item of the owner, in delivery order. */
  async list(ownerId: string): Promise<StoredOutboxItem[]> {
    const db = await this.open();
    const items = await db.getAllFromIndex('outbox', 'by-owner', ownerId);
    return items.sort((a, b) => a.seq - b.seq);
  }

  /** Items still to deliver (queued, or caught mid-send by a reload), in delivery order. */
  async pending(ownerId: string): Promise<StoredOutboxItem[]> {
    return (await this.list(ownerId)).filter((item) => PENDING.includes(item.state));
  }

  async get(id: string): Promise<StoredOutboxItem | undefined> {
    const db = await this.open();
    return db.getFromIndex('outbox', 'by-id', id);
  }

  /** Changes several items in one transaction; `patch` may depend on each item (e.g. its attempts). */
  async update(ids: readonly string[], patch: ItemPatch | ((item: StoredOutboxItem) => ItemPatch)): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    const index = tx.store.index('by-id');
    for (const id of ids) {
      const item = await index.get(id);
      if (item) await tx.store.put({ ...item, ...(typeof patch === 'function' ? patch(item) : patch) } as StoredOutboxItem);
    }
    await tx.done;
  }

  async remove(ids: readonly string[]): Promise<void> {
    const db = await this.open();
    const tx = db.transaction('outbox', 'readwrite');
    const index = tx.store.index('by-id');
    for (const id of ids) {
      const seq = await index.getKey(id);
      if (seq !== undefined) await tx.store.delete(seq);
    }
    await tx.done;
  }

  /** Keeps the newest `keep` delivered items of the owner for the list on screen; the rest go. */
  async pruneDelivered(ownerId: string, keep: number): Promise<void> {
    const delivered = (await this.list(ownerId)).filter((item) => item.state === 'delivered');
    const excess = delivered.slice(0, Math.max(0, delivered.length - keep));
    if (excess.length > 0) await this.remove(excess.map((item) => item.id));
  }

  async getValue<T>(key: string): Promise<T | undefined> {
    const db = await this.open();
    return (await db.get('kv', key)) as T | undefined;
  }

  async setValue(key: string, value: unknown): Promise<void> {
    const db = await this.open();
    await db.put('kv', value, key);
  }

  async deleteValue(key: string): Promise<void> {
    const db = await this.open();
    await db.delete('kv', key);
  }

  async close(): Promise<void> {
    const db = this.db;
    this.db = null;
    (await db?.catch(() => null))?.close();
  }
}
