import { describe, expect, it } from 'vitest';
import { report } from '../../test-support/fixtures';
import { ClusterClient, type IndexedItem } from './cluster-client';


const WORLD = { bbox: [-180, -85, 180, 85] as [number, number, number, number], zoom: 16 };

/**
 * A client with its answers collected: the hierarchy built on the main thread, at once while it
 * is small, else (`upTo`) behind the asynchronous answers a worker gives (Node has no workers: the
 * same build, in this thread, behind a timer).
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
  ])('follows new, moved, opened or closed reports and those gone (%s)', async (_, upTo) => {
    const { client, ask } = clientWithAnswers(upTo);
    const a = report({ lat: 11, lon: 106, status: 'reported' });
    const b = report({ lat: 12, lon: 105, status: 'verified' });
    expect(client.update([a, b])).toBe(true);
    expect(ids(await ask())).toEqual([a.id, b.id].sort());

    // The same objects, or a new copy with the same place and openness: nothing clustered changed.
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

  it('answers the newest question when several were asked while the hierarchy was on its way, and later questions at once', async () => {
    const { client, answers, ask } = clientWithAnswers(0);
    client.update([report({ lat: 11, lon: 106 }), report({ lat: 14, lon: 101 })]);
    client.ask({ bbox: [105, 10, 107, 12], zoom: 16 });
    client.ask({ bbox: [100, 13, 102, 15], zoom: 16 });
    const newest = await ask({ bbox: [100, 10, 107, 15], zoom: 16 });
    // Only the newest question is answered.
    expect(answers).toHaveLength(1);
    expect(newest).toHaveLength(2);
    // The hierarchy holds both places: the next question is answered in the same task.
    client.ask({ bbox: [105, 10, 107, 12], zoom: 16 });
    expect(answers).toHaveLength(2);
    expect(answers[1]).toHaveLength(1);
    client.close();
  });

  it('builds at once while small, and in its worker past the limit', async () => {
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

  it.each([
    ['live: the hierarchy is built again over what is present', false],
    ['replaying: reports gone keep their place, and moments are answered at once', true],
  ])('reports that come and go (%s)', async (_, holdAbsent) => {
    const { client, answers, ask } = clientWithAnswers(0);
    client.holdAbsent = holdAbsent;
    const near = [report({ lat: 11, lon: 106, status: 'reported' }), report({ lat: 11.0001, lon: 106.0001, status: 'verified' }), report({ lat: 11.0002, lon: 106, status: 'reported' })];
    const far = report({ lat: 14, lon: 101 });
    client.update([...near, far]);
    expect(await ask({ ...WORLD, zoom: 8 })).toEqual(expect.arrayContaining([expect.objectContaining({ cluster: true, count: 3, open: 2 })]));

    // An earlier moment: two of the cluster's reports and the far one are not there yet; the third is open no more.
    const closed = { ...near[2], status: 'verified' as const };
    expect(client.update([near[1], closed])).toBe(true);
    const before = answers.length;
    client.ask({ ...WORLD, zoom: 8 });
    expect(client.asking).toBe(!holdAbsent);
    const earlier = holdAbsent ? answers[before] : await new Promise<IndexedItem[]>((resolve) => setTimeout(() => resolve(answers.at(-1)!), 10));
    expect(earlier).toEqual([expect.objectContaining({ cluster: true, count: 2, open: 0 })]);
    const [cluster] = earlier;
    if (!cluster.cluster) throw new Error('expected a cluster');
    expect(await client.expansionZoom(cluster.clusterId)).toBeGreaterThan(8);

    // One report alone is drawn as itself, at its place.
    client.update([closed]);
    client.ask({ ...WORLD, zoom: 8 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answers.at(-1)).toEqual([{ cluster: false, id: closed.id, lon: 106, lat: 11.0002 }]);

    // Back to every report: at once while replaying.
    client.update([...near, far]);
    const count = answers.length;
    client.ask({ ...WORLD, zoom: 8 });
    if (holdAbsent) expect(answers).toHaveLength(count + 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ids(answers.at(-1)!)).toEqual([far.id]);
    expect(answers.at(-1)).toEqual(expect.arrayContaining([expect.objectContaining({ cluster: true, count: 3, open: 2 })]));
    client.close();
  });
});
