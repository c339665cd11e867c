import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnApi } from './api-process';
import { freePort } from './free-port';
import { findPostgresServer, scratchDatabase, type ScratchDatabase } from './postgres-server';
import { API_MAIN, DASHBOARD_DIST } from './workspace';

export interface StartLintasOptions {
  /** NODE_ENV=production, as a deployment runs it (default true). */
  production?: boolean;
  /** Seed the demo agencies, accounts and operations (default true). */
  demoData?: boolean;
  /** Serve the built dashboard from the same origin (default false). */
  dashboard?: boolean;
  /** Extra or overriding environment for the API, e.g. `{ TILE_URL: … }`. */
  env?: Record<string, string>;
  /** Milliseconds to wait for /api/health (default 120 s: an embedded PostgreSQL's first start runs initdb). */
  timeoutMs?: number;
  /** Node flags for the API process, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Echo the API's output as it comes. */
  echo?: boolean;
  /**
   * Join this database (e.g. another running instance's `databaseUrl`) instead of a fresh one: a
   * second instance of a cluster. It is not dropped on stop; give the first instance's JWT_SECRET in `env`.
   */
  databaseUrl?: string;
}

export interface RunningLintas {
  /** e.g. http://127.0.0.1:41234 — the API and, when asked for, the built dashboard. */
  baseUrl: string;
  pid: number;
  /** The database the API uses, for checks that talk to PostgreSQL directly. */
  databaseUrl: string;
  /** Password of the seeded demo accounts of this run (random: a production start refuses the default). */
  demoPassword: string;
  /** The API's recent output, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built API (`apps/api/dist/main.js`) as a child process, started as `npm start` starts it, on a
 * free port of 127.0.0.1 and a database of its own, with fresh secrets. It builds nothing: Nx builds
 * `api` (and `dashboard`) before the targets that use this.
 *
 * The database follows `findPostgresServer`: on a server, a fresh database that the API creates and
 * migrates, dropped on stop; with no server, the API's own embedded PostgreSQL in a fresh data folder.
 * Only PATH and HOME of the caller's environment are passed on: no Redis, tiles or other settings
 * leak in unless given in `env`.
 */
export async function startLintasApi(options: StartLintasOptions = {}): Promise<RunningLintas> {
  if (!existsSync(API_MAIN)) throw new Error(`the built API is missing (${API_MAIN}): run npx nx run api:build, or the Nx target that builds it first`);
  if (options.dashboard && !existsSync(join(DASHBOARD_DIST, 'index.html'))) {
    throw new Error(`the built dashboard is missing (${DASHBOARD_DIST}): run npx nx run dashboard:build`);
  }

  const cleanups: Array<() => Promise<void> | void> = [];
  const runCleanups = once(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'lintas-run-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const server = options.databaseUrl ? null : await findPostgresServer();
    let database: ScratchDatabase | null = null;
    let embeddedPort = 0;
    if (options.databaseUrl) {
      // Joins a database that another instance owns and migrated.
    } else if (server) {
      database = await scratchDatabase(server.url, 'lintas_run');
      cleanups.push(() => (database as ScratchDatabase).drop().catch(() => undefined));
    } else {
      embeddedPort = await freePort();
    }

    const port = await freePort();
    const demoPassword = `run-${randomBytes(12).toString('base64url')}`;
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dataDir,
      NODE_ENV: options.production === false ? 'development' : 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LINTAS_DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      DOCUMENT_HASH_SECRET: randomBytes(48).toString('base64url'),
      DEMO_DATA: options.demoData === false ? 'false' : 'true',
      DEMO_PASSWORD: demoPassword,
      LOG_LEVEL: 'warn',
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : database ? { DATABASE_URL: database.url } : { EMBEDDED_PG_PORT: String(embeddedPort) }),
      ...(options.dashboard ? { DASHBOARD_DIR: DASHBOARD_DIST } : {}),
      ...options.env,
    };

    const api = await spawnApi({ env, nodeArgs: options.nodeArgs, echo: options.echo, healthTimeoutMs: options.timeoutMs ?? 120_000 });
    cleanups.push(() => api.stop());
    return {
      baseUrl: api.baseUrl,
      pid: api.pid,
      databaseUrl: options.databaseUrl ?? database?.url ?? `postgres://postgres:postgres@127.0.0.1:${embeddedPort}/lintas`,
      demoPassword,
      output: api.output,
      stop: runCleanups,
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= action());
}
