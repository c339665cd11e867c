import { describe, expect, it } from 'vitest';
import { report } from '../../test-support/fixtures';
import { ClusterClient } from './cluster-client';
import { ClusterIndex, type IndexedItem } from './cluster-index';

const WORLD = { bbox: [-180, -85, 180, 85] as [number, number, number, number], zoom: 16 };

/**
 * A client with its answers collected: the index on the main thread, answering at once while it
 * is small, else (`upTo`) behind the asynchronous answers a worker gives (Node has no workers: the
 * same index, in this thread).
 */
function clientWithAnswers(upTo?: number) {
  const answers: IndexedItem[][] = [];
  const waiting: ((items: IndexedItem[]) => void)[] = [];
  const client = new ClusterClient(
    { radius: 120 },
    (items) => {
      answers.push(items);
      waiting.shift()?.(items);
    },
    upTo,
  );
  const ask = (query = WORLD) =>
    new Promise<IndexedItem[]>((resolve) => {
      waiting.push(resolve);
      client.ask(query);
    });
  return { client, answers, ask };
}

const ids = (items: IndexedItem[]) => items.flatMap((item) => (item.cluster ? [] : [item.id])).sort();

describe('ClusterClient', () => {
  it.each([
    ['on the main thread', undefined],
    ['in its worker', 0],
  ])('sends the index only what changed: new, moved, opened or closed reports and those gone (%s)', async (_, upTo) => {
    const { client, ask } = clientWithAnswers(upTo);
    const a = report({ lat: 11, lon: 106, status: 'reported' });
    const b = report({ lat: 12, lon: 105, status: 'verified' });
    expect(client.update([a, b])).toBe(true);
    expect(ids(await ask())).toEqual([a.id, b.id].sort());

    // The same objects, or a new copy with the same place and openness: nothing for the index.
    expect(client.update([a, b])).toBe(false);
    const retitled = { ...b, title: 'Another title' };
    expect(client.update([a, retitled])).toBe(false);
    expect(client.report(b.id)?.title).toBe('Another title');

    const moved = { ...a, lat: 11.5 };
    expect(client.update([moved, retitled])).toBe(true);
    expect((await ask()).find((item) => !item.cluster && item.id === a.id)).toMatchObject({ lat: 11.5, lon: 106 });

    expect(client.update([retitled])).toBe(true);
    expect(ids(await ask())).toEqual([b.id]);
    expect(client.report(a.id)).toBeUndefined();

    // A report without a place is not on the map.
    expect(client.update([retitled, report({ lat: null, lon: null })])).toBe(false);
    client.close();
  });

  it.each([
    ['on the main thread', undefined],
    ['in its worker', 0],
  ])('clusters reports near one another, counts the open ones, and says at which zoom a cluster splits (%s)', async (_, upTo) => {
    const { client, ask } = clientWithAnswers(upTo);
    client.update([report({ lat: 11, lon: 106, status: 'reported' }), report({ lat: 11.0001, lon: 106.0001, status: 'reported' }), report({ lat: 11.0002, lon: 106, status: 'verified' })]);
    const [cluster] = await ask({ ...WORLD, zoom: 8 });
    expect(cluster).toMatchObject({ cluster: true, count: 3, open: 2 });
    if (!cluster.cluster) throw new Error('expected a cluster');
    expect(await client.expansionZoom(cluster.clusterId)).toBeGreaterThan(8);
    client.close();
  });

  it('answers the newest question when several were asked while one was on its way', async () => {
    const { client, answers, ask } = clientWithAnswers(0);
    client.update([report({ lat: 11, lon: 106 }), report({ lat: 14, lon: 101 })]);
    await ask();
    const before = answers.length;
    client.ask({ bbox: [105, 10, 107, 12], zoom: 16 });
    client.ask({ bbox: [100, 13, 102, 15], zoom: 16 });
    const newest = await ask({ bbox: [100, 10, 107, 15], zoom: 16 });
    // The first question's answer was overtaken (an answer was drawn just before): only the newest is drawn.
    expect(answers.length).toBe(before + 1);
    expect(newest).toHaveLength(2);
    client.close();
  });

  it('answers at once while small, and moves the index with every report when it grows past the limit', async () => {
    const answers: IndexedItem[][] = [];
    const client = new ClusterClient({ radius: 120 }, (items) => answers.push(items), 2);
    const reports = [report({ lat: 11, lon: 106 }), report({ lat: 12, lon: 105 })];
    client.update(reports);
    client.ask(WORLD);
    expect(answers).toHaveLength(1);
    expect(client.asking).toBe(false);
    client.update([...reports, report({ lat: 13, lon: 104 })]);
    client.ask(WORLD);
    expect(client.asking).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers).toHaveLength(2);
    expect(ids(answers[1])).toHaveLength(3);
    client.close();
  });
});

describe('ClusterIndex', () => {
  it('rebuilds only when asked after a change', () => {
    const index = new ClusterIndex({ radius: 120 });
    index.apply({ ids: ['x', 'y'], places: Float64Array.from([106, 11, 105, 12]), open: Uint8Array.from([1, 0]), removed: [] });
    expect(index.clusters(WORLD).length).toBe(2);
    index.apply({ ids: [], places: new Float64Array(), open: new Uint8Array(), removed: ['x'] });
    expect(index.clusters(WORLD)).toEqual([{ cluster: false, id: 'y', lon: 105, lat: 12 }]);
  });
});
