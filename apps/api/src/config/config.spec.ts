import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'lintas-config-'));

describe('loadConfig', () => {
  it('defaults to port 3000 and the embedded database', () => {
    const config = loadConfig({ LINTAS_DATA_DIR: dataDir() });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeNull();
    expect(config.embeddedPostgres.dir).toMatch(/pg$/);
    expect(config.demo.enabled).toBe(true);
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty', LINTAS_DATA_DIR: dataDir() })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', LINTAS_DATA_DIR: dataDir() })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ TILE_URL: 'http://tiles/no-placeholders', LINTAS_DATA_DIR: dataDir() })).toThrow(/TILE_URL/);
    expect(() => loadConfig({ BASEMAP_PMTILES: '/no/such/archive.pmtiles', LINTAS_DATA_DIR: dataDir() })).toThrow(/BASEMAP_PMTILES: no file at/);
  });

  it('reads an empty file variable as unset (docker-compose.yml hands over empty ones when no host file is given)', () => {
    const config = loadConfig({ BASEMAP_PMTILES: '', COT_PORT: '8087', COT_TLS_CERT: '', COT_TLS_KEY: '', COT_TLS_CA: '', LINTAS_DATA_DIR: dataDir() });
    expect(config.map.basemapPmtiles).toBeNull();
    expect(config.cot?.tls).toBeNull();
    expect(() => loadConfig({ COT_PORT: '8087', COT_TLS_CERT: '/a.pem', COT_TLS_KEY: '', LINTAS_DATA_DIR: dataDir() })).toThrow(/COT_TLS_CERT and COT_TLS_KEY go together/);
  });

  it('refuses production without a JWT secret, and with the default demo password', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', LINTAS_DATA_DIR: dataDir() })).toThrow(ConfigError);
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DOCUMENT_HASH_SECRET: 'y'.repeat(40), DEMO_DATA: 'true', LINTAS_DATA_DIR: dataDir() }),
    ).toThrow(/DEMO_PASSWORD/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DOCUMENT_HASH_SECRET: 'y'.repeat(40), LINTAS_DATA_DIR: dataDir() }).demo.enabled).toBe(false);
  });

  it('refuses production without the document hash secret; retention defaults to 90 days after close', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), LINTAS_DATA_DIR: dataDir() })).toThrow(/DOCUMENT_HASH_SECRET/);
    expect(loadConfig({ LINTAS_DATA_DIR: dataDir() }).retentionDaysAfterClose).toBe(90);
    expect(loadConfig({ RETENTION_DAYS_AFTER_CLOSE: '30', LINTAS_DATA_DIR: dataDir() }).retentionDaysAfterClose).toBe(30);
  });

  it('keeps one development secret across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ LINTAS_DATA_DIR: dir }).jwtSecret).toBe(loadConfig({ LINTAS_DATA_DIR: dir }).jwtSecret);
  });
});
