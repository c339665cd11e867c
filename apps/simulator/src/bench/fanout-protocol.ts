/** Messages between the bench and its dashboard-client workers (child_process.fork IPC). */
export interface FanoutWorkerConfig {
  /** The API instances: socket i connects to `urls[i % urls.length]` (its instance is that index). */
  urls: string[];
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
  /** Which instance each team posts through (team id → index into `urls`), to tell cross-instance deliveries apart. */
  | { type: 'origins'; teams: Record<string, number> }
  | { type: 'collect' }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; connected: number; failed: number; firstError: string | null }
  /** Latencies of report events and of positions, each an encoded histogram. */
  | {
      type: 'collected';
      reportLatency: string;
      positionLatency: string;
      /** Deliveries of events posted through another instance than the socket's (empty with one instance). */
      crossLatency: string;
      reports: number;
      positions: number;
      disconnects: number;
    }
  | { type: 'error'; message: string };
