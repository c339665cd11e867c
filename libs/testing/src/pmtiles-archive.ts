import type { FeatureCollection } from 'geojson';

/**
 * A small PMTiles v3 archive built from GeoJSON, for tests: vector tiles cut with geojson-vt,
 * encoded with vt-pbf, laid out as the specification says (github.com/protomaps/PMTiles,
 * spec/v3/spec.md): a 127-byte header, an uncompressed root directory, the metadata, then the
 * tiles in tile-id order (clustered). Only the tiles that hold data are written. The tile libraries
 * are loaded on the first call, so the rest of @lintas/testing (the simulator's launcher) never
 * loads them.
 */
export interface PmtilesArchiveOptions {
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] of the tiles written; the data's own extent when not given. */
  bounds?: [number, number, number, number];
}

interface Entry {
  tileId: number;
  offset: number;
  length: number;
}

export async function buildPmtilesArchive(layers: Record<string, FeatureCollection>, { minZoom, maxZoom, bounds }: PmtilesArchiveOptions): Promise<Buffer> {
  const [{ default: GeoJSONVT }, { zxyToTileId }, { fromGeojsonVt }] = await Promise.all([import('geojson-vt'), import('pmtiles'), import('vt-pbf')]);
  const indexes = Object.entries(layers).map(([name, data]) => [name, new GeoJSONVT(data, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, tolerance: 1, buffer: 64 })] as const);
  const [west, south, east, north] = bounds ?? bbox(Object.values(layers));
  const tiles: { tileId: number; data: Buffer }[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const tileLayers: Record<string, { features: unknown[] }> = {};
        for (const [name, index] of indexes) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) tileLayers[name] = tile;
        }
        if (Object.keys(tileLayers).length === 0) continue;
        tiles.push({ tileId: zxyToTileId(z, x, y), data: Buffer.from(fromGeojsonVt(tileLayers as Parameters<typeof fromGeojsonVt>[0])) });
      }
    }
  }
  tiles.sort((a, b) => a.tileId - b.tileId);
  const entries: Entry[] = [];
  let offset = 0;
  for (const tile of tiles) {
    entries.push({ tileId: tile.tileId, offset, length: tile.data.length });
    offset += tile.data.length;
  }
  const directory = serializeDirectory(entries);
  const metadata = Buffer.from(JSON.stringify({ name: 'lintas-test', vector_layers: Object.keys(layers).map((id) => ({ id, fields: {} })) }));
  const tileData = Buffer.concat(tiles.map((tile) => tile.data));

  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
  u64(rootOffset, 8);
  u64(directory.length, 16);
  u64(metadataOffset, 24);
  u64(metadata.length, 32);
  u64(dataOffset, 40); // no leaf directories
  u64(0, 48);
  u64(dataOffset, 56);
  u64(tileData.length, 64);
  u64(entries.length, 72); // addressed tiles
  u64(entries.length, 80); // tile entries
  u64(entries.length, 88); // tile contents
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(minZoom, 100);
  header.writeUInt8(maxZoom, 101);
  header.writeInt32LE(Math.round(west * 1e7), 102);
  header.writeInt32LE(Math.round(south * 1e7), 106);
  header.writeInt32LE(Math.round(east * 1e7), 110);
  header.writeInt32LE(Math.round(north * 1e7), 114);
  header.writeUInt8(maxZoom, 118);
  header.writeInt32LE(Math.round(((west + east) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((south + north) / 2) * 1e7), 123);
  return Buffer.concat([header, directory, metadata, tileData]);
}

function serializeDirectory(entries: Entry[]): Buffer {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  };
  varint(entries.length);
  let lastId = 0;
  for (const entry of entries) {
    varint(entry.tileId - lastId);
    lastId = entry.tileId;
  }
  for (let i = 0; i < entries.length; i++) varint(1); // run lengths
  for (const entry of entries) varint(entry.length);
  entries.forEach((entry, i) => {
    const previous = entries[i - 1];
    varint(previous && entry.offset === previous.offset + previous.length ? 0 : entry.offset + 1);
  });
  return Buffer.from(bytes);
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

function bbox(collections: FeatureCollection[]): [number, number, number, number] {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [lon, lat] = value as [number, number];
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  for (const collection of collections) for (const feature of collection.features) if (feature.geometry && 'coordinates' in feature.geometry) visit(feature.geometry.coordinates);
  return [west, south, east, north];
}
