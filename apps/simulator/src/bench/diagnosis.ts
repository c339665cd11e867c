import { existsSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { startLoopDelaySampler } from './loop-delay-sampler';

/** The probe's compiled file, given to the API as `--require` with `--diagnose`. */
export const LOOP_DELAY_PROBE = resolve(__dirname, '../../dist/bench/loop-delay-probe.js');

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mean: number;
  /** Garbage-collection pauses over the stretch (count, major collections, total and longest pause). */
  gc?: { count: number; major: number; totalMs: number; maxMs: number };
}

/** What PostgreSQL's backends of the API were doing, as shares of the samples (see `PgActivitySampler`). */
export interface PgActivity {
  samples: number;
  /** Mean backends of the API in a transaction or a statement per sample. */
  busyBackends: number;
  /** Share of busy-backend samples by state, e.g. `running` (on CPU or runnable), `Lock:transactionid`, `idle in transaction (waiting for the API)`. */
  states: Record<string, number>;
  /** Share of the samples in which an autovacuum worker ran on this database, by what it ran (e.g. `VACUUM ANALYZE public.document_list_entries`). */
  autovacuum: Record<string, number>;
  /** Checkpoints PostgreSQL started during the stretch (requested or timed). */
  checkpoints: number;
}

/** The API's event-loop delay over a stretch: reset it now, read it with `read()`. */
export class LoopDelayMeter {
  constructor(
    private readonly pid: number,
    private readonly file: string,
  ) {
    rmSync(file, { force: true });
    process.kill(pid, 'SIGUSR2');
  }

  async read(): Promise<LoopDelay | null> {
    rmSync(this.file, { force: true });
    process.kill(this.pid, 'SIGUSR2');
    for (let i = 0; i < 50 && !existsSync(this.file); i++) await new Promise((done) => setTimeout(done, 100));
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as LoopDelay;
    } catch {
      return null; // the probe did not answer in time: the table shows a dash
    }
  }
}

/**
 * Samples `pg_stat_activity` every `intervalMs` for the backends of the API (application_name
 * `lintas-api`) of one database: where a write waits — for a lock, for the disk, for the API to send
 * its next statement (`idle in transaction`: the API's event loop), or for a CPU (`running`).
 */
export class PgActivitySampler {
  private readonly counts = new Map<string, number>();
  private readonly autovacuumCounts = new Map<string, number>();
  private samples = 0;
  private busy = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;

  private checkpointsAtStart = 0;

  private constructor(private readonly client: Client) {}

  /** pg_stat_bgwriter until PostgreSQL 16, pg_stat_checkpointer from 17. */
  private async checkpoints(): Promise<number> {
    try {
      const { rows } = await this.client.query<{ n: string }>('SELECT (num_timed + num_requested)::text AS n FROM pg_stat_checkpointer');
      return Number(rows[0].n);
    } catch {
      const { rows } = await this.client.query<{ n: string }>('SELECT (checkpoints_timed + checkpoints_req)::text AS n FROM pg_stat_bgwriter');
      return Number(rows[0].n);
    }
  }

  static async start(databaseUrl: string, intervalMs = 50): Promise<PgActivitySampler> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'lintas-bench-sampler' });
    await client.connect();
    const sampler = new PgActivitySampler(client);
    sampler.checkpointsAtStart = await sampler.checkpoints();
    sampler.timer = setInterval(() => void sampler.sample(), intervalMs);
    return sampler;
  }

  async stop(): Promise<PgActivity> {
    if (this.timer) clearInterval(this.timer);
    while (this.inFlight) await new Promise((done) => setTimeout(done, 10));
    const checkpoints = (await this.checkpoints()) - this.checkpointsAtStart;
    await this.client.end();
    const states: Record<string, number> = {};
    for (const [state, count] of [...this.counts].sort((a, b) => b[1] - a[1])) states[state] = this.busy ? Math.round((count / this.busy) * 1000) / 1000 : 0;
    const autovacuum: Record<string, number> = {};
    for (const [query, count] of this.autovacuumCounts) autovacuum[query] = this.samples ? Math.round((count / this.samples) * 1000) / 1000 : 0;
    return { samples: this.samples, busyBackends: this.samples ? Math.round((this.busy / this.samples) * 100) / 100 : 0, states, autovacuum, checkpoints };
  }

  private async sample(): Promise<void> {
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      const { rows } = await this.client.query<{ autovacuum: boolean; query: string; state: string; wait_event_type: string | null; wait_event: string | null }>(
        `SELECT backend_type = 'autovacuum worker' AS autovacuum, query, state, wait_event_type, wait_event FROM pg_stat_activity
          WHERE datname = current_database()
            AND ((application_name = 'lintas-api' AND state <> 'idle') OR backend_type = 'autovacuum worker')`,
      );
      this.samples++;
      for (const row of rows) {
        if (row.autovacuum) {
          // A worker vacuuming or analysing a table of this database beside the API's statements.
          const what = row.query.replace(/^autovacuum:\s*/, '');
          this.autovacuumCounts.set(what, (this.autovacuumCounts.get(what) ?? 0) + 1);
          continue;
        }
        this.busy++;
        const key =
          row.state === 'idle in transaction'
            ? 'idle in transaction (waiting for the API)'
            : row.wait_event_type
              ? `${row.wait_event_type}:${row.wait_event}`
              : 'running (on a CPU or waiting for one)';
        this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
      }
    } catch {
      // A missed sample; the next one counts.
    } finally {
      this.inFlight = false;
    }
  }
}

export interface Diagnosis {
  loopDelay: LoopDelay | null;
  /** The bench's own event loop meanwhile: a stall here delays sends and arrivals and counts against the system. */
  client: LoopDelay;
  pg: PgActivity;
}

/** Starts both probes for one measured run; the answer stops them and gives what they saw. */
export async function startDiagnosis(pid: number, probeFile: string, databaseUrl: string): Promise<() => Promise<Diagnosis>> {
  const loop = new LoopDelayMeter(pid, probeFile);
  const pg = await PgActivitySampler.start(databaseUrl);
  const client = startLoopDelaySampler();
  return async () => {
    const own = client.take();
    client.stop();
    return { client: own, pg: await pg.stop(), loopDelay: await loop.read() };
  };
}
