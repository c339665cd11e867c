import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { FanoutWorkerConfig, FromWorker, ToWorker } from './fanout-protocol';
import { mergeLatencies, summarize, type LatencySummary } from './latency';

/** The compiled worker: forked workers always run from dist (the bench runs from dist too). */
const WORKER = resolve(__dirname, '../../dist/bench/fanout-worker.js');

export interface Deliveries {
  latency: LatencySummary;
  reportLatency: LatencySummary;
  positionLatency: LatencySummary;
  /** Deliveries to a socket of another instance than the one the event was posted through (count 0 with one instance). */
  crossLatency: LatencySummary;
  /** `report.created` events received, all sockets together. */
  reports: number;
  positions: number;
  disconnects: number;
}

/**
 * N dashboard sockets subscribed to one operation, spread over k worker processes so that the
 * clients do not starve the server of the event loop it is measured on.
 */
export class FanoutSession {
  private constructor(
    private readonly workers: ChildProcess[],
    readonly connected: number,
    readonly failed: number,
    readonly firstError: string | null,
  ) {}

  static async open(config: Omit<FanoutWorkerConfig, 'sockets'> & { sockets: number; workers: number }): Promise<FanoutSession> {
    const count = Math.max(1, Math.min(config.workers, config.sockets));
    const workers = Array.from({ length: count }, () => fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    const shares = workers.map((_, index) => Math.floor(config.sockets / count) + (index < config.sockets % count ? 1 : 0));
    try {
      const ready = await Promise.all(
        workers.map((worker, index) =>
          request(worker, { type: 'start', config: { ...config, sockets: shares[index] } }, 'ready', 180_000),
        ),
      );
      const connected = ready.reduce((sum, answer) => sum + (answer.type === 'ready' ? answer.connected : 0), 0);
      const failed = ready.reduce((sum, answer) => sum + (answer.type === 'ready' ? answer.failed : 0), 0);
      const firstError = ready.map((answer) => (answer.type === 'ready' ? answer.firstError : null)).find((error) => error) ?? null;
      return new FanoutSession(workers, connected, failed, firstError);
    } catch (error) {
      for (const worker of workers) worker.kill();
      throw error;
    }
  }

  get pids(): number[] {
    return this.workers.map((worker) => worker.pid as number);
  }

  /** Tells the workers which instance each team posts through (see `crossLatency`). */
  setOrigins(teams: Record<string, number>): void {
    for (const worker of this.workers) worker.send({ type: 'origins', teams } satisfies ToWorker);
  }

  reset(): void {
    for (const worker of this.workers) worker.send({ type: 'reset' } satisfies ToWorker);
  }

  async collect(): Promise<Deliveries> {
    const answers = await Promise.all(this.workers.map((worker) => request(worker, { type: 'collect' }, 'collected', 30_000)));
    const collected = answers.filter((answer): answer is Extract<FromWorker, { type: 'collected' }> => answer.type === 'collected');
    return {
      latency: summarize(mergeLatencies(collected.flatMap((answer) => [answer.reportLatency, answer.positionLatency]))),
      reportLatency: summarize(mergeLatencies(collected.map((answer) => answer.reportLatency))),
      positionLatency: summarize(mergeLatencies(collected.map((answer) => answer.positionLatency))),
      crossLatency: summarize(mergeLatencies(collected.map((answer) => answer.crossLatency))),
      reports: collected.reduce((sum, answer) => sum + answer.reports, 0),
      positions: collected.reduce((sum, answer) => sum + answer.positions, 0),
      disconnects: collected.reduce((sum, answer) => sum + answer.disconnects, 0),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((done) => {
            if (worker.exitCode !== null) return done();
            const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
            worker.once('exit', () => (clearTimeout(timer), done()));
            worker.send({ type: 'stop' } satisfies ToWorker);
          }),
      ),
    );
  }
}

function request<T extends FromWorker['type']>(worker: ChildProcess, message: ToWorker, expect: T, timeoutMs: number): Promise<FromWorker> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => (cleanup(), fail(new Error(`a fan-out worker did not answer ${message.type} within ${timeoutMs / 1000} s`))), timeoutMs);
    const onMessage = (answer: FromWorker) => {
      if (answer.type === 'error') return cleanup(), fail(new Error(`fan-out worker: ${answer.message}`));
      if (answer.type === expect) return cleanup(), done(answer);
    };
    const onExit = (code: number | null) => (cleanup(), fail(new Error(`a fan-out worker exited (${code}) during ${message.type}`)));
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.once('exit', onExit);
    worker.send(message);
  });
}
