import { spawn } from 'node:child_process';
import { API_MAIN, WORKSPACE_ROOT } from './workspace';

export interface SpawnApiOptions {
  /** The script node runs: the built API (default), or `src/main.ts` with a require hook in `nodeArgs`. */
  entry?: string;
  /** Node flags before the entry, e.g. `['-r', swcRegister]` or `['--cpu-prof']`. */
  nodeArgs?: string[];
  /** The process's whole environment: nothing of the caller's is inherited unless passed. Needs PORT. */
  env: NodeJS.ProcessEnv;
  /** Where the API answers; default `http://127.0.0.1:$PORT`. */
  baseUrl?: string;
  cwd?: string;
  /** `pipe` (default) keeps the recent output for error messages; `inherit` writes to this terminal. */
  output?: 'pipe' | 'inherit';
  /** With `pipe`: echo each line as `[api] …` too. */
  echo?: boolean;
  /** A process group of its own, so that Ctrl-C reaches the caller only and it decides when the API stops. */
  detached?: boolean;
  /** How long to wait for /api/health (default 60 s). */
  healthTimeoutMs?: number;
  /** After SIGTERM, how long before SIGKILL (default 15 s). */
  stopGraceMs?: number;
}

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** The API's recent output (`pipe` mode), for failure messages. */
  output(): string;
  /** SIGTERM (the API closes its sockets and its embedded PostgreSQL), SIGKILL after the grace time. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown, sockets dropped, work in flight lost. */
  kill(): Promise<void>;
}

const KEPT_LINES = 300;

/**
 * The one launcher of the API as a process: spawns it, answers once /api/health says 200, and stops
 * it. Throws with the API's output when it exits or stays silent while starting.
 */
export async function spawnApi(options: SpawnApiOptions): Promise<ApiProcess> {
  const port = options.env.PORT;
  if (!options.baseUrl && !port) throw new Error('spawnApi: give env.PORT (see freePort) or baseUrl');
  const baseUrl = options.baseUrl ?? `http://127.0.0.1:${port}`;
  const entry = options.entry ?? API_MAIN;
  const piped = (options.output ?? 'pipe') === 'pipe';
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), entry], {
    cwd: options.cwd ?? WORKSPACE_ROOT,
    env: options.env,
    stdio: piped ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    detached: options.detached,
  });

  const lines: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > KEPT_LINES) lines.shift();
      if (options.echo) console.log(`[api] ${line}`);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const output = () => lines.join('\n');

  let exitCode: number | null | undefined;
  // Never leave an API behind when the caller exits first (SIGTERM: it stops its embedded PostgreSQL too).
  const orphanGuard = () => child.kill('SIGTERM');
  process.on('exit', orphanGuard);
  const exited = new Promise<void>((done) => {
    child.once('exit', (code, signal) => {
      exitCode = code ?? (signal ? -1 : null);
      process.off('exit', orphanGuard);
      done();
    });
  });

  const end = async (signal: NodeJS.Signals) => {
    if (exitCode !== undefined) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.stopGraceMs ?? 15_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitForHealth(baseUrl, options.healthTimeoutMs ?? 60_000, () => {
      if (exitCode !== undefined) throw new Error(`the API exited (code ${exitCode}) before it was healthy:\n${output()}`);
    });
  } catch (error) {
    const exitedEarly = exitCode !== undefined;
    await end('SIGKILL');
    throw exitedEarly ? error : new Error(`${(error as Error).message}:\n${output()}`);
  }
  return { baseUrl, pid: child.pid as number, output, stop: () => end('SIGTERM'), kill: () => end('SIGKILL') };
}

/** Whether `baseUrl/api/health` answers 200 now. */
export async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/** Polls /api/health until it answers 200; `check` may throw to give up early (e.g. the process exited). */
export async function waitForHealth(baseUrl: string, timeoutMs: number, check: () => void = () => undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    check();
    if (await isHealthy(baseUrl)) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  check();
  throw new Error(`the API did not answer ${baseUrl}/api/health within ${Math.round(timeoutMs / 1000)} s`);
}
