import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The compiled simulator, as `npm run simulate` / `npm run bench` run it (the test target builds it first). */
export const CLI = resolve(__dirname, '../../dist/main.js');

export interface CliRun {
  child: ChildProcess;
  /** Resolves with the exit code and everything printed. */
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Resolves when a line of standard output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function startCli(args: string[], timeoutMs = 120_000): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    for (const watcher of [...watchers]) {
      const line = stdout.split('\n').find((candidate) => watcher.pattern.test(candidate));
      if (line) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(line);
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolveDone) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveDone({ code, stdout, stderr });
    }),
  );
  return {
    child,
    done,
    waitFor: (pattern, waitMs = 60_000) =>
      new Promise((resolveLine, reject) => {
        const found = stdout.split('\n').find((line) => pattern.test(line));
        if (found) return resolveLine(found);
        const timeout = setTimeout(() => reject(new Error(`no line matched ${pattern} within ${waitMs} ms:\n${stdout}\n${stderr}`)), waitMs);
        watchers.push({ pattern, resolve: (line) => (clearTimeout(timeout), resolveLine(line)) });
      }),
  };
}

export function runCli(args: string[], timeoutMs?: number) {
  return startCli(args, timeoutMs).done;
}
