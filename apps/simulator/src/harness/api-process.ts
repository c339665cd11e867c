import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { API_MAIN } from './lintas-server';

/**
 * The built API started exactly as `npm start` starts it (`node apps/api/dist/main.js`, the
 * environment as given, output to this terminal), for the demo. Answers once /api/health is up.
 */
export async function startApiLikeNpmStart(url: string, env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  if (!existsSync(API_MAIN)) throw new Error(`The API is not built (${API_MAIN} is missing): run npx nx run api:build`);
  // A process group of its own: Ctrl-C reaches the demo only, which lets its posts in flight finish
  // and then stops Lintas (and Lintas its embedded PostgreSQL) in that order. Should the demo exit
  // any other way, Lintas is stopped with it.
  const child = spawn(process.execPath, [API_MAIN], { env, stdio: 'inherit', detached: true });
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? 1;
    process.off('exit', orphanGuard);
  });
  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(url))) {
    if (exitCode !== null) throw new Error(`Lintas exited with code ${exitCode} while starting`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`Lintas did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}
