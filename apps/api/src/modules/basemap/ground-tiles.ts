import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The default offline ground: GSHHG 2.3.7 shorelines, national boundaries and permanent rivers of
 * Southeast Asia (LGPL-3.0, see assets/ground/README.md), cut into Mapbox vector tiles on demand.
 * geojson-vt simplifies each zoom level to its pixel size, so the tile at zoom 5 carries a few
 * hundred points and the tile at zoom 14 the full 11 m detail: the first load stays light.
 *
 * Indexing the 5.5 MB of GeoJSON takes a second or more of CPU: it runs in a worker thread, which
 * also cuts the tiles, so the API's event loop (sockets, live feed) never waits for the map.
 */
export const GROUND_LAYERS = ['shorelines', 'borders', 'rivers'] as const;
export type GroundLayer = (typeof GROUND_LAYERS)[number];

/** Beyond this the data (rounded to about 11 m) has nothing more to show; the browser over-zooms. */
export const GROUND_MAX_ZOOM = 14;

const FILES: Record<GroundLayer, string> = {
  shorelines: 'asean-shorelines.geojson',
  borders: 'asean-borders.geojson',
  rivers: 'asean-rivers.geojson',
};

/** assets/ground beside src/ and dist/ (both are one folder below apps/api). */
export const GROUND_ASSETS_DIR = resolve(__dirname, '../../../assets/ground');

// Plain CommonJS evaluated by the worker (the same code under the tests' TypeScript sources and
// the built API); the packages' paths are resolved here and handed over.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const geojsonVt = require(workerData.geojsonVt);
const GeoJSONVT = geojsonVt.default || geojsonVt;
const { fromGeojsonVt } = require(workerData.vtPbf);
const indexes = workerData.layers.map(([name, file]) => [
  name,
  new GeoJSONVT(JSON.parse(readFileSync(join(workerData.dir, file), 'utf8')), { maxZoom: workerData.maxZoom, indexMaxZoom: 4, tolerance: 3, buffer: 64 }),
]);
parentPort.on('message', ({ id, z, x, y }) => {
  const layers = {};
  for (const [name, index] of indexes) {
    const tile = index.getTile(z, x, y);
    if (tile && tile.features.length > 0) layers[name] = tile;
  }
  const bytes = new Uint8Array(fromGeojsonVt(layers));
  parentPort.postMessage({ id, bytes }, [bytes.buffer]);
});
`;

export class GroundTiles {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
  private nextId = 0;

  constructor(dir = GROUND_ASSETS_DIR) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        dir,
        maxZoom: GROUND_MAX_ZOOM,
        layers: GROUND_LAYERS.map((layer) => [layer, FILES[layer]]),
        geojsonVt: require.resolve('geojson-vt'),
        vtPbf: require.resolve('vt-pbf'),
      },
    });
    this.worker.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
      this.pending.get(id)?.resolve(bytes);
      this.pending.delete(id);
    });
    const failAll = (error: Error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', failAll);
    this.worker.on('exit', () => failAll(new Error('the ground tiles worker stopped')));
    // Never what keeps the process alive.
    this.worker.unref();
  }

  /** The tile as an uncompressed MVT (no layer where there is no ground data). */
  tile(z: number, x: number, y: number): Promise<Uint8Array> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, z, x, y });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
