import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../src/config/config';

/**
 * No container engine runs where the tests run, so the deployment files are checked as text:
 * docker-compose.yml against the API's configuration, and the Dockerfile's run stage.
 */
const root = resolve(__dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const compose = parse(read('docker-compose.yml'));
const services = compose.services as Record<string, any>;
const api = services.api;
const dockerfile = read('Dockerfile');

/**
 * Every variable the API's configuration reads, found by running it: `loadConfig` is handed an
 * environment that records each name asked of it (a valid production one, so that it reads them all).
 */
function variablesReadByConfig(): Set<string> {
  const read = new Set<string>();
  const environment = new Proxy({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(48), DOCUMENT_HASH_SECRET: 'y'.repeat(48) } as Record<string, string>, {
    get(target, name) {
      if (typeof name === 'string' && /^[A-Z][A-Z0-9_]*$/.test(name)) read.add(name);
      return Reflect.get(target, name);
    },
  });
  loadConfig(environment, '/app');
  return read;
}
const configVariables = variablesReadByConfig();

/** Compose's variable substitution: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+replacement}, ${VAR+replacement}, ${VAR:?error}, ${VAR?error}, $$. */
function interpolate(value: string, shell: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}/g, (whole, name: string | undefined, operator: string | undefined, argument: string | undefined) => {
    if (whole === '$$') return '$';
    const current = shell[name!];
    const missing = operator?.startsWith(':') ? !current : current === undefined;
    if (operator?.endsWith('-')) return missing ? argument! : current!;
    if (operator?.endsWith('+')) return missing ? '' : argument!;
    if (operator?.endsWith('?')) {
      if (missing) throw new Error(`required variable ${name} is missing: ${argument}`);
      return current!;
    }
    return current ?? '';
  });
}

/** The API container's environment as Compose would hand it over, for a given shell. */
function apiEnvironment(shell: Record<string, string | undefined>): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(api.environment as Record<string, string | number | null>)) {
    if (value === null) {
      if (shell[name] !== undefined) environment[name] = shell[name]!;
    } else {
      environment[name] = interpolate(String(value), shell);
    }
  }
  return environment;
}

const shell = { JWT_SECRET: 'x'.repeat(48), DOCUMENT_HASH_SECRET: 'y'.repeat(48) };

describe('docker-compose.yml', () => {
  it('runs postgres 16, redis 7 and the api built from this repository', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis']);
    expect(services.postgres.image).toMatch(/^postgres:16(\.|$|-)/);
    expect(services.redis.image).toMatch(/^redis:7(\.|$|-)/);
    expect(api.build === '.' || api.build?.context === '.').toBe(true);
    expect(api.ports[0]).toBe('3000:3000');
  });

  it('keeps the database in a named volume and health-checks every service', () => {
    expect(services.postgres.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toContain('postgres-data');
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.redis.healthcheck.test.join(' ')).toContain('redis-cli ping');
    expect(api.healthcheck.test.join(' ')).toContain('/api/health');
  });

  it('starts the api only when postgres and redis are healthy', () => {
    expect(api.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('passes the api only variables its configuration reads', () => {
    expect(configVariables.size).toBeGreaterThan(15);
    for (const required of ['NODE_ENV', 'PORT', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET']) {
      expect(configVariables).toContain(required);
      expect(Object.keys(api.environment)).toContain(required);
    }
    const unknown = Object.keys(api.environment).filter((name) => !configVariables.has(name));
    expect(unknown).toEqual([]);
  });

  it('passes every variable of the configuration but those the image sets or that do not apply with a compose database', () => {
    // HOST, LINTAS_DATA_DIR: the Dockerfile sets them; COT_HOST: its default (every interface) is the
    // one that works in a container; EMBEDDED_PG_*: compose runs PostgreSQL; DASHBOARD_DIR: the image's build.
    const notPassed = ['HOST', 'LINTAS_DATA_DIR', 'COT_HOST', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT', 'DASHBOARD_DIR'];
    const missing = [...configVariables].filter((name) => !notPassed.includes(name) && !(name in api.environment));
    expect(missing).toEqual([]);
    expect(dockerfile).toMatch(/HOST=0\.0\.0\.0/);
    expect(dockerfile).toMatch(/LINTAS_DATA_DIR=\/app\/data/);
  });

  it("names every variable of the configuration in the README's configuration table", () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('| variable | default | meaning |'));
    const documented = new Set([...table.slice(0, table.indexOf('\n\n')).matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]));
    expect([...configVariables].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('publishes the CoT port the listener is given, on the host as in the container', () => {
    expect(interpolate(api.ports[1], {})).toBe('8087:8087');
    expect(interpolate(api.ports[1], { COT_PORT: '8089' })).toBe('8089:8089');
    expect(loadConfig(apiEnvironment({ ...shell, COT_PORT: '8089', COT_RELEASE_MARKINGS: 'TLP:CLEAR' }), '/app').cot).toMatchObject({ port: 8089, releaseMarkings: ['TLP:CLEAR'] });
    expect(loadConfig(apiEnvironment(shell), '/app').cot).toBeNull();
  });

  it('mounts the host files it is given read-only and hands the api their paths inside the container', () => {
    const volumes = (api.volumes as string[]).map((volume) => interpolate(volume, { BASEMAP_PMTILES: '/srv/asean.pmtiles', COT_TLS_CERT: '/srv/cot.pem', COT_TLS_KEY: '/srv/cot.key' }));
    expect(volumes).toContain('/srv/asean.pmtiles:/etc/lintas/basemap.pmtiles:ro');
    expect(volumes).toContain('/srv/cot.pem:/etc/lintas/cot-tls/cert.pem:ro');
    expect(volumes).toContain('/srv/cot.key:/etc/lintas/cot-tls/key.pem:ro');
    expect(volumes).toContain('/dev/null:/etc/lintas/cot-tls/ca.pem:ro');
    const given = apiEnvironment({ ...shell, BASEMAP_PMTILES: '/srv/asean.pmtiles', COT_TLS_CERT: '/srv/cot.pem', COT_TLS_KEY: '/srv/cot.key' });
    expect(given).toMatchObject({ BASEMAP_PMTILES: '/etc/lintas/basemap.pmtiles', COT_TLS_CERT: '/etc/lintas/cot-tls/cert.pem', COT_TLS_KEY: '/etc/lintas/cot-tls/key.pem', COT_TLS_CA: '' });
    // Not given: the API is handed empty values, which its configuration reads as unset.
    const config = loadConfig(apiEnvironment(shell), '/app');
    expect(config.map.basemapPmtiles).toBeNull();
  });

  it('refuses to start without a JWT_SECRET from the shell', () => {
    expect(api.environment.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
    expect(() => apiEnvironment({})).toThrow(/JWT_SECRET/);
  });

  it('gives the api a configuration it accepts: production, the compose database and redis, port 3000', () => {
    const config = loadConfig(apiEnvironment(shell), '/app');
    expect(config.env).toBe('production');
    expect(config.port).toBe(3000);
    expect(config.demo.enabled).toBe(false);
    expect(config.map.tileUrl).toBeNull();

    const database = new URL(config.databaseUrl!);
    const postgres = services.postgres.environment;
    expect(database.hostname).toBe('postgres');
    expect(database.port).toBe('5432');
    expect(database.username).toBe(postgres.POSTGRES_USER);
    expect(database.password).toBe(interpolate(postgres.POSTGRES_PASSWORD, shell));
    expect(database.pathname).toBe(`/${postgres.POSTGRES_DB}`);

    const redis = new URL(config.redisUrl!);
    expect(redis.hostname).toBe('redis');
    expect(redis.port).toBe('6379');

    expect(api.ports[0].split(':')[1]).toBe(String(config.port));
  });

  it('passes optional settings through from the shell, and they validate', () => {
    const config = loadConfig(
      apiEnvironment({ ...shell, DEMO_DATA: 'true', DEMO_PASSWORD: 'a-long-demo-password', TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', POSTGRES_PASSWORD: 's3cret' }),
      '/app',
    );
    expect(config.demo).toEqual({ enabled: true, password: 'a-long-demo-password' });
    expect(config.map.tileUrl).toBe('https://tiles.example.org/{z}/{x}/{y}.png');
    expect(new URL(config.databaseUrl!).password).toBe('s3cret');
    // Unset in the shell means unset in the container (not an empty string, which would fail validation).
    expect(apiEnvironment(shell)).not.toHaveProperty('DEMO_PASSWORD');
  });
});

describe('Dockerfile', () => {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = lines.reduce<string[][]>((all, line) => {
    if (/^FROM\s/i.test(line)) all.push([]);
    all.at(-1)?.push(line);
    return all;
  }, []);
  const runStage = stages.at(-1)!;
  const args = Object.fromEntries(lines.filter((line) => /^ARG\s/.test(line)).map((line) => line.slice(4).split('=')));

  it('runs on node:24-bookworm-slim', () => {
    const image = runStage[0].split(/\s+/)[1].replace(/^\$\{(\w+)\}$/, (_, name: string) => args[name]);
    expect(image).toBe('node:24-bookworm-slim');
  });

  it('builds the api, the dashboard and the contracts with Nx after npm ci', () => {
    expect(dockerfile).toMatch(/RUN npm ci[^\n]*\n(?:.*\n)*RUN npx nx run-many -t build -p api dashboard contracts/);
  });

  it('runs as a user other than root', () => {
    const users = runStage.filter((line) => /^USER\s/.test(line)).map((line) => line.split(/\s+/)[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(['root', '0', '0:0']).not.toContain(users.at(-1));
  });

  it('exposes port 3000, checks /api/health and starts the built API', () => {
    expect(runStage).toContain('EXPOSE 3000');
    expect(runStage.find((line) => line.startsWith('HEALTHCHECK'))).toContain('/api/health');
    expect(runStage.at(-1)).toBe('CMD ["node", "apps/api/dist/main.js"]');
  });

  it('copies every npm workspace manifest before npm ci (npm ci needs all of them)', () => {
    const workspaces = ['apps', 'libs'].flatMap((folder) =>
      readdirSync(join(root, folder))
        .map((name) => `${folder}/${name}/package.json`)
        .filter((path) => existsSync(join(root, path))),
    );
    expect(workspaces.length).toBeGreaterThanOrEqual(5);
    for (const manifest of workspaces) expect(dockerfile).toContain(`COPY ${manifest} `);
  });

  it('ships production dependencies and the built dist folders only', () => {
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    for (const dist of ['libs/contracts/dist', 'apps/api/dist', 'apps/dashboard/dist']) {
      expect(runStage.some((line) => line.startsWith('COPY --from=build') && line.includes(dist))).toBe(true);
    }
    expect(runStage.some((line) => /^COPY (?!--from)/.test(line))).toBe(false);
  });

  it('has a .dockerignore that keeps host installs, builds, local data and secrets out', () => {
    const ignored = read('.dockerignore').split('\n').map((line) => line.trim());
    for (const entry of ['.git', '**/node_modules', '**/dist', '**/.lintas', '.env']) expect(ignored).toContain(entry);
  });
});
