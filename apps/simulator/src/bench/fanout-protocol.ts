/** Messages between the bench and its dashboard-client workers (child_process.fork IPC). */
export interface FanoutWorkerConfig {
  url: string;
  /** One token per socket, round robin: several viewers, as in an operations room. */
  tokens: string[];
  operationId: string;
  sockets: number;
  /** Sockets connecting at the same time. */
  connectConcurrency: number;
}

export type ToWorker =
  | { type: 'start'; config: FanoutWorkerConfig }
  /** Forget what was measured so far (the warm-up). */
  | { type: 'reset' }
  | { type: 'collect' }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; connected: number; failed: number; firstError: string | null }
  /** Latencies of report events and of positions, each an encoded histogram. */
  | { type: 'collected'; reportLatency: string; positionLatency: string; reports: number; positions: number; disconnects: number }
  | { type: 'error'; message: string };
