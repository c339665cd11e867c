import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { CpuMeter } from './process-stats';

const NEIGHBOUR = resolve(__dirname, '../../dist/bench/neighbour-process.js');

export interface BusyNeighbour {
  pid: number;
  /** Stops the loop; answers the CPU it used over its life as a share of one core (≈ 1). */
  stop(): Promise<number>;
}

/**
 * Starts a CPU-bound process that occupies one core for the whole measurement — for Lintas and the
 * bare baseline alike — so that a run shows how each degrades when it shares the machine.
 * Never outlives the bench (it exits when its parent goes) and stops by itself after `maxSeconds`.
 */
export async function startBusyNeighbour(maxSeconds = 900): Promise<BusyNeighbour> {
  const child = fork(NEIGHBOUR, [String(maxSeconds)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((done, fail) => {
    child.once('spawn', () => done());
    child.once('error', fail);
  });
  const pid = child.pid as number;
  const cpu = new CpuMeter(pid);
  return {
    pid,
    stop: () =>
      new Promise<number>((done) => {
        let share = NaN;
        try {
          share = cpu.read();
        } catch {
          // Already gone: its time limit passed.
        }
        if (child.exitCode !== null || child.signalCode !== null) return done(share);
        child.once('exit', () => done(share));
        child.kill('SIGTERM');
      }),
  };
}
