import fc from 'fast-check';
import Supercluster from 'supercluster';
import { describe, expect, it } from 'vitest';
import { buildHierarchy, clustersOf, expansionZoom, MAX_ZOOM, MIN_ZOOM, type Presence } from './cluster-hierarchy';

const WORLD = [-180, -85, 180, 85] as const;

/** Places spread over a small region, some on top of one another (as reports at one checkpoint). */
const placesArbitrary = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 3 })),
  { minLength: 1, maxLength: 300 },
).map((list) => Float64Array.from(list.flatMap(([x, y, spread]) => [104 + (x * spread) / 400, 10 + (y * spread) / 400])));

function supercluster(places: Float64Array, radius: number, present: (i: number) => boolean, open: (i: number) => number) {
  const index = new Supercluster<{ place: number; open: number }, { open: number }>({
    radius,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    map: (properties) => ({ open: properties.open }),
    reduce: (accumulated, properties) => {
      accumulated.open += properties.open;
    },
  });
  const points: Supercluster.PointFeature<{ place: number; open: number }>[] = [];
  for (let i = 0; i < places.length / 2; i++) {
    if (present(i)) points.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [places[2 * i], places[2 * i + 1]] }, properties: { place: i, open: open(i) } });
  }
  return index.load(points);
}

/** A picture to compare: each cluster's count, open count and centre (to 1e-9 degree), each single place, in a fixed order. */
function pictureOf(items: { cluster: boolean; count?: number; open?: number; lon?: number; lat?: number; place?: number }[]): string[] {
  return items.map((item) => (item.cluster ? `c${item.count}/${item.open}@${item.lon!.toFixed(9)},${item.lat!.toFixed(9)}` : `p${item.place}`)).sort();
}

describe('cluster hierarchy', () => {
  it('with every place present, clusters as supercluster does at every zoom', () => {
    fc.assert(
      fc.property(placesArbitrary, fc.constantFrom(90, 120), (places, radius) => {
        const count = places.length / 2;
        const open = (i: number) => i % 3 === 0 ? 1 : 0;
        const presence: Presence = { present: new Uint8Array(count).fill(1), open: Uint8Array.from({ length: count }, (_, i) => open(i)) };
        const hierarchy = buildHierarchy(places, radius);
        const reference = supercluster(places, radius, () => true, open);
        for (let zoom = MIN_ZOOM; zoom <= MAX_ZOOM + 1; zoom++) {
          const expected = reference.getClusters([...WORLD], zoom).map((feature) => {
            const properties = feature.properties as { cluster?: boolean; point_count: number; open: number; place: number };
            const [lon, lat] = feature.geometry.coordinates;
            return properties.cluster ? { cluster: true, count: properties.point_count, open: properties.open, lon, lat } : { cluster: false, place: properties.place };
          });
          const ours = clustersOf(hierarchy, presence, WORLD, zoom, 1);
          expect(pictureOf(ours)).toEqual(pictureOf(expected));
          // Each cluster parts at supercluster's expansion zoom.
          const theirs = new Map<string, number>();
          for (const feature of reference.getClusters([...WORLD], zoom)) {
            const properties = feature.properties as { cluster?: boolean; cluster_id: number };
            if (properties.cluster) theirs.set(pictureOf([{ cluster: true, count: (feature.properties as { point_count: number }).point_count, open: (feature.properties as { open: number }).open, lon: feature.geometry.coordinates[0], lat: feature.geometry.coordinates[1] }])[0], reference.getClusterExpansionZoom(properties.cluster_id));
          }
          for (const item of ours) if (item.cluster) expect(expansionZoom(hierarchy, presence, item.clusterId, 1)).toBe(theirs.get(pictureOf([item])[0]));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('for any subset present, shows each present place exactly once, counted and opened right, and parts a cluster where its places part', () => {
    fc.assert(
      fc.property(placesArbitrary, fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }), fc.integer({ min: MIN_ZOOM, max: MAX_ZOOM + 1 }), (places, chosen, zoom) => {
        const count = places.length / 2;
        const presence: Presence = { present: Uint8Array.from({ length: count }, (_, i) => (chosen[i] ? 1 : 0)), open: Uint8Array.from({ length: count }, (_, i) => i % 2) };
        const hierarchy = buildHierarchy(places, 120);
        const items = clustersOf(hierarchy, presence, WORLD, zoom, 7);
        const shown = items.reduce((sum, item) => sum + (item.cluster ? item.count : 1), 0);
        const expectedShown = presence.present.reduce((sum, flag) => sum + flag, 0);
        expect(shown).toBe(expectedShown);
        const openShown = items.reduce((sum, item) => sum + (item.cluster ? item.open : presence.open[item.place]), 0);
        expect(openShown).toBe(presence.present.reduce((sum, flag, i) => sum + (flag ? presence.open[i] : 0), 0));
        for (const item of items) {
          if (!item.cluster) {
            expect(presence.present[item.place]).toBe(1);
            continue;
          }
          expect(item.count).toBeGreaterThan(1);
          const parts = expansionZoom(hierarchy, presence, item.clusterId, 7);
          expect(parts).toBeGreaterThan(zoom);
          expect(parts).toBeLessThanOrEqual(MAX_ZOOM + 1);
          // A cluster of another hierarchy is not known.
          expect(expansionZoom(hierarchy, presence, item.clusterId, 8)).toBeNull();
        }
      }),
      { numRuns: 80 },
    );
  });

  it('answers only what is in the box', () => {
    const places = Float64Array.from([100, 10, 120, 10]);
    const presence: Presence = { present: Uint8Array.from([1, 1]), open: Uint8Array.from([0, 0]) };
    const hierarchy = buildHierarchy(places, 120);
    expect(clustersOf(hierarchy, presence, [95, 5, 105, 15], 10, 1)).toEqual([{ cluster: false, place: 0 }]);
    expect(clustersOf(hierarchy, presence, [115, 5, 125, 15], 10, 1)).toEqual([{ cluster: false, place: 1 }]);
  });
});
