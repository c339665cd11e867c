import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freshPostgresTarget, type PostgresTarget } from './postgres-target';

/** The built API (`nx run api:build`), started as `npm start` starts it. */
export const API_MAIN = resolve(__dirname, '../../../api/dist/main.js');

export interface LintasServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  pid: number;
  /** The database the API uses, for baselines that talk to PostgreSQL directly. */
  databaseUrl: string;
  /** The demo password of the seeded accounts, when demo data is on. */
  demoPassword: string;
  /** The API's last lines of output, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** NODE_ENV=production, as a deployment runs it (default true). */
  production?: boolean;
  /** Seed the demo agencies, accounts and operations (default true). */
  demoData?: boolean;
  /** Extra environment for the API. */
  env?: Record<string, string>;
  /** Milliseconds to wait for /api/health (default 120 s: a first embedded PostgreSQL runs initdb). */
  timeoutMs?: number;
  /** Extra node flags for the API process, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/**
 * Starts the built API as a child process on a fresh database and a free port on 127.0.0.1, and
 * answers once /api/health says it is up. Shared by the integration specs, the demo and the bench.
 */
export async function startLintasServer(options: StartOptions = {}): Promise<LintasServer> {
  if (!existsSync(API_MAIN)) throw new Error(`The API is not built (${API_MAIN} is missing): run npx nx run api:build`);
  const dataDir = mkdtempSync(join(tmpdir(), 'lintas-sim-'));
  const target = await freshPostgresTarget();
  const port = await freePort();
  const pgPort = await freePort();
  const demoPassword = `sim-${randomBytes(12).toString('base64url')}`;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dataDir,
    NODE_ENV: options.production === false ? 'development' : 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LINTAS_DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DEMO_DATA: options.demoData === false ? 'false' : 'true',
    DEMO_PASSWORD: demoPassword,
    LOG_LEVEL: 'warn',
    ...(target.kind === 'server' ? { DATABASE_URL: target.databaseUrl } : { EMBEDDED_PG_PORT: String(pgPort) }),
    ...options.env,
  };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), API_MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = once(() => stopServer(child, target, dataDir));
  try {
    await waitForHealth(url, child, options.timeoutMs ?? 120_000, () => tail.join('\n'));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    pid: child.pid as number,
    databaseUrl: target.kind === 'server' ? target.databaseUrl : `postgres://postgres:postgres@127.0.0.1:${pgPort}/lintas`,
    demoPassword,
    output: () => tail.join('\n'),
    stop,
  };
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`The API exited with code ${exited} while starting:\n${output()}`);
    try {
      const answer = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (answer.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The API did not answer /api/health within ${Math.round(timeoutMs / 1000)} s:\n${output()}`);
}

/** SIGTERM lets the API close its sockets and its embedded PostgreSQL; SIGKILL after 15 s. */
async function stopServer(child: ChildProcess, target: PostgresTarget, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  if (target.kind === 'server') await target.drop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= action());
}
