import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';

/**
 * The default offline ground: GSHHG 2.3.7 shorelines, national boundaries and permanent rivers of
 * Southeast Asia (LGPL-3.0, see assets/ground/README.md), cut into Mapbox vector tiles on demand.
 * geojson-vt simplifies each zoom level to its pixel size, so the tile at zoom 5 carries a few
 * hundred points and the tile at zoom 14 the full 11 m detail: the first load stays light.
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

export class GroundTiles {
  private readonly indexes: Map<GroundLayer, GeoJSONVT>;
  private readonly empty: Uint8Array = fromGeojsonVt({});

  constructor(collections: Record<GroundLayer, FeatureCollection>) {
    this.indexes = new Map(
      GROUND_LAYERS.map((layer) => [
        layer,
        // tolerance 3 of 4096: about a pixel's fraction; buffer keeps lines continuous across tile edges.
        new GeoJSONVT(collections[layer], { maxZoom: GROUND_MAX_ZOOM, indexMaxZoom: 4, tolerance: 3, buffer: 64 }),
      ]),
    );
  }

  static fromAssets(dir = GROUND_ASSETS_DIR): GroundTiles {
    const read = (layer: GroundLayer) => JSON.parse(readFileSync(join(dir, FILES[layer]), 'utf8')) as FeatureCollection;
    return new GroundTiles({ shorelines: read('shorelines'), borders: read('borders'), rivers: read('rivers') });
  }

  /** The tile as an uncompressed MVT; an empty tile (no layer) where there is no ground data. */
  tile(z: number, x: number, y: number): Uint8Array {
    const layers: Record<string, { features: unknown[] }> = {};
    for (const [name, index] of this.indexes) {
      const tile = index.getTile(z, x, y);
      if (tile && tile.features.length > 0) layers[name] = tile;
    }
    return Object.keys(layers).length === 0 ? this.empty : fromGeojsonVt(layers as Parameters<typeof fromGeojsonVt>[0]);
  }
}

export type GroundFeature = Feature<Geometry, { level?: number }>;
