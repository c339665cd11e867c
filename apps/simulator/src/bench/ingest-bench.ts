import { Pool } from 'pg';
import type { PositionBatchResult, PositionInput } from '@lintas/contracts';
import type { LintasApi } from '../client/lintas-api';

export interface IngestRun {
  /** Positions stored per second, all clients together. */
  perSecond: number;
  stored: number;
  requests: number;
  seconds: number;
  failures: number;
  firstFailure: string | null;
}

export interface IngestOptions {
  batch: number;
  durationS: number;
  /** Upper bound on requests per client, whatever the duration. */
  maxRequestsPerClient: number;
}

/** Positions of one team, one millisecond apart, going back in time from `start` (always in the past, never repeated). */
function positionsFor(counter: { next: number }, start: number, count: number): PositionInput[] {
  return Array.from({ length: count }, () => {
    const k = counter.next++;
    return { lat: 6.5 + (k % 1000) * 1e-5, lon: 100.4 + (k % 997) * 1e-5, heading: k % 360, speed: 1.2, accuracy: 8, at: new Date(start - k).toISOString() };
  });
}

/**
 * Ingest through the public API: each field client uploads batches of positions of its own team
 * through the REST outbox path (`POST …/teams/:id/positions`), one request after the other, for
 * the duration. Only stored positions count.
 */
export async function ingestThroughApi(
  clients: { api: LintasApi; teamId: string }[],
  operationId: string,
  options: IngestOptions,
): Promise<IngestRun> {
  const start = Date.now();
  const deadline = performance.now() + options.durationS * 1000;
  const run: IngestRun = { perSecond: 0, stored: 0, requests: 0, seconds: 0, failures: 0, firstFailure: null };
  const began = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      const counter = { next: 0 };
      for (let i = 0; i < options.maxRequestsPerClient && performance.now() < deadline; i++) {
        try {
          const answer = await client.api.call<PositionBatchResult>((api) =>
            api.POST('/api/operations/{operationId}/teams/{teamId}/positions', {
              params: { path: { operationId, teamId: client.teamId } },
              body: { positions: positionsFor(counter, start, options.batch) },
            }),
          );
          run.stored += answer.stored;
          run.requests++;
        } catch (error) {
          run.failures++;
          run.firstFailure ??= (error as Error).message;
        }
      }
    }),
  );
  run.seconds = (performance.now() - began) / 1000;
  run.perSecond = run.stored / run.seconds;
  return run;
}

/**
 * The baseline: the same rows, the same batch size and the same number of concurrent writers,
 * straight into the same table with one multi-row INSERT each — no HTTP, no authorization, no
 * transaction around it, no audit row, no latest-position update.
 */
export async function ingestThroughPg(databaseUrl: string, clients: { teamId: string }[], operationId: string, options: IngestOptions): Promise<IngestRun> {
  const pool = new Pool({ connectionString: databaseUrl, max: clients.length });
  // A day earlier than the API's rows, so that the two runs never collide on (team_id, at).
  const start = Date.now() - 86_400_000;
  const deadline = performance.now() + options.durationS * 1000;
  const run: IngestRun = { perSecond: 0, stored: 0, requests: 0, seconds: 0, failures: 0, firstFailure: null };
  const began = performance.now();
  try {
    await Promise.all(
      clients.map(async (client) => {
        const counter = { next: 0 };
        for (let i = 0; i < options.maxRequestsPerClient && performance.now() < deadline; i++) {
          const positions = positionsFor(counter, start, options.batch);
          const values: unknown[] = [];
          const rows = positions.map((p) => {
            values.push(client.teamId, operationId, p.lat, p.lon, p.heading, p.speed, p.accuracy, p.at);
            const n = values.length;
            return `($${n - 7}, $${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
          });
          try {
            const result = await pool.query(
              `INSERT INTO team_positions (team_id, operation_id, lat, lon, heading, speed, accuracy, at) VALUES ${rows.join(', ')}
               ON CONFLICT (team_id, at) DO NOTHING`,
              values,
            );
            run.stored += result.rowCount ?? 0;
            run.requests++;
          } catch (error) {
            run.failures++;
            run.firstFailure ??= (error as Error).message;
          }
        }
      }),
    );
  } finally {
    await pool.end();
  }
  run.seconds = (performance.now() - began) / 1000;
  run.perSecond = run.stored / run.seconds;
  return run;
}
