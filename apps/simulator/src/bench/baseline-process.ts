import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const SERVER = resolve(__dirname, '../../dist/bench/baseline-server.js');

/** The bare Socket.IO baseline in a process of its own, like the API, so that its CPU and memory can be read. */
export async function startBaselineServer(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const child: ChildProcess = fork(SERVER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error('the baseline server did not start within 20 s')), 20_000);
    child.once('message', (message: { type: string; port: number }) => (clearTimeout(timer), done(message.port)));
    child.once('exit', (code) => (clearTimeout(timer), fail(new Error(`the baseline server exited (${code})`))));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
