import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** A real API process (`src/main.ts` under `swc-register.cjs`), for specs that need several instances. */
export interface ApiProcess {
  baseUrl: string;
  /** What the process wrote, for the failure message. */
  output(): string;
  /** SIGKILL: no shutdown, sockets dropped, relays in flight lost. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

const API_ROOT = resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export async function startApiProcess(env: Record<string, string>, bootTimeoutMs = 60_000): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.LINTAS_TEST_PRELOAD ? ['-r', process.env.LINTAS_TEST_PRELOAD] : []), '-r', join(__dirname, 'swc-register.cjs'), join(API_ROOT, 'src/main.ts')], {
    cwd: API_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      LINTAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'lintas-proc-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const baseUrl = `http://127.0.0.1:${port}`;

  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process exited while starting:\n${output}`);
    if (Date.now() - started > bootTimeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`the API process did not answer within ${bootTimeoutMs} ms:\n${output}`);
    }
    if (await answers(`${baseUrl}/api/health`)) break;
    await new Promise((done) => setTimeout(done, 200));
  }

  const end = async (signal: NodeJS.Signals, child: ChildProcess) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { baseUrl, output: () => output, kill: () => end('SIGKILL', child), stop: () => end('SIGTERM', child) };
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
