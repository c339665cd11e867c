import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { PMTiles } from 'pmtiles';
import { BAVET, buildBavetArchive } from '@lintas/testing';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/** x/y of the tile holding a point (Web Mercator). */
function tileOf(lat: number, lon: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

async function groundTile(baseUrl: string, z: number, lat: number, lon: number) {
  const [x, y] = tileOf(lat, lon, z);
  const response = await fetch(`${baseUrl}/api/basemap/ground/${z}/${x}/${y}.mvt`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, tile: new VectorTile(new Pbf(bytes)) };
}

describe('basemap: the offline ground layers and the PMTiles archive', () => {
  let t: TestApp;
  let archive: Buffer;
  let file: string;

  beforeAll(async () => {
    archive = await buildBavetArchive();
    file = join(mkdtempSync(join(tmpdir(), 'lintas-basemap-')), 'asean.pmtiles');
    writeFileSync(file, archive);
    t = await startTestApp({ BASEMAP_PMTILES: file });
  });
  afterAll(async () => {
    await t.close();
  });

  it('tells the dashboard, before sign-in, that the vector basemap is on', async () => {
    const { status, body } = await http(t.baseUrl, 'GET', '/api/client-config');
    expect(status).toBe(200);
    expect(body.vectorBasemap).toBe(true);
  });

  it('serves the Mekong bank to bank at Kaam Samnor / Vinh Xuong, with borders, in a zoom-12 tile (no token needed: published geography)', async () => {
    // The first tile indexes the data (a second or more of CPU) in a worker: the API answers meanwhile.
    const order: string[] = [];
    const first = groundTile(t.baseUrl, 12, 10.91, 105.16).finally(() => order.push('tile'));
    await fetch(`${t.baseUrl}/api/health`).finally(() => order.push('health'));
    const { response, tile } = await first;
    expect(order).toEqual(['health', 'tile']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vnd.mapbox-vector-tile');
    const rivers = tile.layers.rivers;
    expect(rivers).toBeDefined();
    const levels = Array.from({ length: rivers.length }, (_, i) => rivers.feature(i).properties.level);
    expect(levels).toContain(0); // level 0: the Mekong drawn as both banks
    expect(tile.layers.borders?.length).toBeGreaterThan(0);
  });

  it('keeps the first load light: a whole-region tile at zoom 4 is simplified', async () => {
    const { response, bytes, tile } = await groundTile(t.baseUrl, 4, 11, 105);
    expect(response.status).toBe(200);
    expect(tile.layers.shorelines?.length).toBeGreaterThan(0);
    expect(bytes.length).toBeLessThan(300_000);
  });

  it('answers tiles outside the grid, or with a wrong name, with 400 invalid_tile', async () => {
    for (const path of ['/api/basemap/ground/15/0/0.mvt', '/api/basemap/ground/3/8/0.mvt', '/api/basemap/ground/3/0/x.mvt', '/api/basemap/ground/a/0/0.mvt', '/api/basemap/ground/3/0/0.png']) {
      const { status, body } = await http(t.baseUrl, 'GET', path);
      expect({ path, status, code: body.code }).toEqual({ path, status: 400, code: 'invalid_tile' });
    }
  });

  it('serves the archive with HTTP range requests, and a PMTiles reader finds the Bavet tile in it', async () => {
    const head = await fetch(`${t.baseUrl}/api/basemap/archive.pmtiles`, { headers: { Range: 'bytes=0-126' } });
    expect(head.status).toBe(206);
    expect(head.headers.get('content-range')).toBe(`bytes 0-126/${archive.length}`);
    expect(Buffer.from(await head.arrayBuffer())).toEqual(archive.subarray(0, 127));

    const reader = new PMTiles(`${t.baseUrl}/api/basemap/archive.pmtiles`);
    const header = await reader.getHeader();
    expect(header.maxZoom).toBe(15);
    const [x, y] = tileOf(BAVET.lat, BAVET.lon, 14);
    const found = await reader.getZxy(14, x, y);
    expect(found).toBeDefined();
    const tile = new VectorTile(new Pbf(new Uint8Array(found!.data)));
    expect(Object.keys(tile.layers)).toEqual(expect.arrayContaining(['earth', 'roads', 'places']));
  });

  // Fault: the archive vanishes from under a running server (a volume unmounted, a file replaced).
  it('answers 404 with a code, never 500, when the archive is gone after start', async () => {
    renameSync(file, `${file}.moved`);
    try {
      const { status, body } = await http(t.baseUrl, 'GET', '/api/basemap/archive.pmtiles');
      expect(status).toBe(404);
      expect(body.code).toBe('not_found');
    } finally {
      renameSync(`${file}.moved`, file);
    }
  });
});
