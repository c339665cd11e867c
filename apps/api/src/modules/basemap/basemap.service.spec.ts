import type { AppConfig } from '../../config/config';
import { BasemapService } from './basemap.service';

const config = (basemapPmtiles: string | null) => ({ map: { tileUrl: null, tileAttribution: null, basemapPmtiles } }) as AppConfig;

describe('BasemapService', () => {
  it('refuses the archive with 404 basemap_not_configured when BASEMAP_PMTILES is not set', () => {
    expect(() => new BasemapService(config(null)).archivePath()).toThrow(expect.objectContaining({ status: 404, code: 'basemap_not_configured' }));
    expect(new BasemapService(config('/srv/asean.pmtiles')).archivePath()).toBe('/srv/asean.pmtiles');
  });

  it('refuses tiles outside the grid with 400 invalid_tile, before reading any data', () => {
    const service = new BasemapService(config(null));
    for (const [z, x, y] of [['15', '0', '0'], ['2', '4', '0'], ['2', '0', '-1'], ['1e1', '0', '0'], ['', '0', '0']]) {
      expect(() => service.groundTile(z, x, y)).toThrow(expect.objectContaining({ status: 400, code: 'invalid_tile' }));
    }
  });
});
