import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Pool } from 'pg';
import { newLatencies, summarize, type LatencySummary } from './latency';
import { rssBytes } from './process-stats';

/**
 * Document checks against a large stolen and lost documents list, each measure beside a baseline
 * in the same run: the import (streamed CSV through the API: parse, validate, hash, batched INSERT,
 * one transaction) beside the same rows unnested into a plain indexed table straight through pg;
 * and checks through the API (validate, HMAC, indexed lookup, store the check, audit) beside a
 * plain indexed lookup in PostgreSQL.
 */
export interface ImportMeasure {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** The API process's resident memory: before, and the highest seen while importing. */
  rssBeforeMiB: number;
  rssPeakMiB: number;
}

export interface CheckMeasure {
  /** Open loop at a fixed rate: latency as a client sees it. */
  atRate: {
    rate: number;
    seconds: number;
    latency: LatencySummary;
    /** The same latencies split: checks on listed numbers (each raising an alert) and the others. */
    hits: LatencySummary;
    misses: LatencySummary;
    failures: number;
    firstFailure: string | null;
    /** The slowest checks, by when they were due (ms from the run's start): one stall or many. */
    slowest: Array<{ atMs: number; ms: number }>;
  };
  /** Closed loop, `concurrency` clients as fast as they go. */
  flat: { concurrency: number; seconds: number; perSecond: number; latency: LatencySummary; failures: number };
}

export type AtRateMeasure = CheckMeasure['atRate'];

const HEADER = 'issuingCountry,documentType,documentNumber,status,source,reportedAt\n';
const STATUSES = ['stolen', 'lost', 'stolen_blank', 'revoked'];

/** Made-up numbers: B0000000 … B(rows-1), all KHM passports. */
export function benchNumber(i: number): string {
  return `B${String(i).padStart(8, '0')}`;
}

function* csvChunks(rows: number): Generator<Buffer> {
  yield Buffer.from(HEADER);
  const per = 10_000;
  for (let start = 0; start < rows; start += per) {
    let text = '';
    for (let i = start; i < Math.min(rows, start + per); i++) text += `KHM,passport,${benchNumber(i)},${STATUSES[i % 4]},Benchmark list (made up),2026-01-01\n`;
    yield Buffer.from(text);
  }
}

function mib(bytes: number): number {
  return Math.round((bytes / 1024 ** 2) * 10) / 10;
}

/** Samples a process's RSS every 50 ms until stopped; answers the highest. */
function peakRss(pid: number): { stop(): number } {
  let peak = rssBytes(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssBytes(pid));
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, rssBytes(pid));
    },
  };
}

export async function importThroughApi(baseUrl: string, token: string, agencyCode: string, rows: number, apiPid: number): Promise<ImportMeasure> {
  const rssBefore = rssBytes(apiPid);
  const peak = peakRss(apiPid);
  const began = performance.now();
  const response = await fetch(`${baseUrl}/api/document-lists/${encodeURIComponent(agencyCode)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: Readable.toWeb(Readable.from(csvChunks(rows))) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const text = await response.text();
  const seconds = (performance.now() - began) / 1000;
  const rssPeak = peak.stop();
  if (!response.ok) throw new Error(`import answered ${response.status}: ${text.slice(0, 300)}`);
  const report = JSON.parse(text) as { rowsAccepted: number };
  if (report.rowsAccepted !== rows) throw new Error(`import accepted ${report.rowsAccepted} of ${rows} rows`);
  return { rows, seconds, rowsPerSecond: rows / seconds, rssBeforeMiB: mib(rssBefore), rssPeakMiB: mib(rssPeak) };
}

/** The baseline: the same rows into a plain table with an index on the number, 5,000 per unnest INSERT, one transaction. */
export async function importThroughPg(databaseUrl: string, rows: number): Promise<ImportMeasure> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await pool.query('DROP TABLE IF EXISTS bench_plain_list');
    await pool.query('CREATE TABLE bench_plain_list (issuing_country text, document_type text, document_number text, status text, source text, reported_at date)');
    await pool.query('CREATE INDEX bench_plain_list_idx ON bench_plain_list (document_number, issuing_country, document_type)');
    const client = await pool.connect();
    const rssBefore = process.memoryUsage().rss;
    const began = performance.now();
    try {
      await client.query('BEGIN');
      for (let start = 0; start < rows; start += 5_000) {
        const numbers: string[] = [];
        const statuses: string[] = [];
        for (let i = start; i < Math.min(rows, start + 5_000); i++) {
          numbers.push(benchNumber(i));
          statuses.push(STATUSES[i % 4]);
        }
        await client.query(
          `INSERT INTO bench_plain_list SELECT 'KHM', 'passport', n, s, 'Benchmark list (made up)', DATE '2026-01-01' FROM unnest($1::text[], $2::text[]) AS t(n, s)`,
          [numbers, statuses],
        );
      }
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const seconds = (performance.now() - began) / 1000;
    const rssPeak = process.memoryUsage().rss;
    // Settled as the API settles its list after an import (not timed): otherwise autovacuum comes for
    // the million new rows within its naptime, in the middle of the rounds of checks.
    await pool.query('VACUUM (ANALYZE) bench_plain_list');
    return { rows, seconds, rowsPerSecond: rows / seconds, rssBeforeMiB: mib(rssBefore), rssPeakMiB: mib(rssPeak) };
  } finally {
    await pool.end();
  }
}

type OneCheck = (index: number) => Promise<void>;

/** Whether check `index` is on a listed number: `share` of them, spread evenly. */
export function isListed(index: number, share: number): boolean {
  return Math.floor((index + 1) * share) > Math.floor(index * share);
}

/** A check through the API: `hitShare` of them on listed numbers (potential hits, each raising an alert), the rest unlisted. */
export function apiCheck(baseUrl: string, operationId: string, field: { token: string; teamId: string }, rows: number, hitShare: number): OneCheck {
  return async (index) => {
    const listed = isListed(index, hitShare);
    const response = await fetch(`${baseUrl}/api/operations/${operationId}/document-checks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${field.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        clientId: randomUUID(),
        teamId: field.teamId,
        documentType: 'passport',
        issuingCountry: 'KHM',
        documentNumber: listed ? benchNumber((index * 7919) % rows) : `Z${String(index).padStart(8, '0')}`,
      }),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`check answered ${response.status}: ${text.slice(0, 200)}`);
    const result = (JSON.parse(text) as { result: string }).result;
    if (result !== (listed ? 'potential_hit' : 'no_hit')) throw new Error(`check ${index} answered ${result}`);
  };
}

export function pgCheck(pool: Pool, rows: number, hitShare: number): OneCheck {
  return async (index) => {
    const listed = isListed(index, hitShare);
    const number = listed ? benchNumber((index * 7919) % rows) : `Z${String(index).padStart(8, '0')}`;
    const result = await pool.query('SELECT status, source FROM bench_plain_list WHERE document_number = $1 AND issuing_country = $2 AND document_type = $3 LIMIT 1', [
      number,
      'KHM',
      'passport',
    ]);
    if ((result.rowCount === 1) !== listed) throw new Error(`baseline lookup ${index} disagrees`);
  };
}

/**
 * Open loop: check i is due at start + i/rate and is sent then whether or not earlier ones have
 * answered; its latency runs from that scheduled time (so a late send — the bench's own timer or
 * event loop falling behind — counts against the system, never hides a stall). Timers only wake
 * the loop: every check already due is sent in the same turn, so a late wake-up does not shift the
 * schedule of the ones after it. `listed(i)` splits the latencies into hits and misses.
 */
export async function atRate(check: OneCheck, rate: number, seconds: number, offset: number, listed: (index: number) => boolean = () => false): Promise<CheckMeasure['atRate']> {
  const latencies = newLatencies();
  const hits = newLatencies();
  const misses = newLatencies();
  let failures = 0;
  let firstFailure: string | null = null;
  const slowest: Array<{ atMs: number; ms: number }> = [];
  const total = Math.round(rate * seconds);
  const began = performance.now();
  const pending: Promise<void>[] = [];
  let i = 0;
  while (i < total) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    for (const now = performance.now(); i < total && began + (i * 1000) / rate <= now; i++) {
      const index = offset + i;
      const planned = began + (i * 1000) / rate;
      pending.push(
        check(index).then(
          () => {
            const ms = Math.max(1, Math.round(performance.now() - planned));
            latencies.recordValue(ms);
            (listed(index) ? hits : misses).recordValue(ms);
            keepSlowest(slowest, { atMs: Math.round(planned - began), ms });
          },
          (error: unknown) => {
            failures++;
            firstFailure ??= error instanceof Error ? error.message : String(error);
          },
        ),
      );
    }
  }
  await Promise.all(pending);
  return { rate, seconds, latency: summarize(latencies), hits: summarize(hits), misses: summarize(misses), failures, firstFailure, slowest };
}

const SLOWEST_KEPT = 5;

/** Keeps the `SLOWEST_KEPT` longest checks, longest first. */
export function keepSlowest(slowest: Array<{ atMs: number; ms: number }>, check: { atMs: number; ms: number }): void {
  if (slowest.length === SLOWEST_KEPT && check.ms <= slowest[SLOWEST_KEPT - 1].ms) return;
  slowest.push(check);
  slowest.sort((a, b) => b.ms - a.ms);
  slowest.length = Math.min(slowest.length, SLOWEST_KEPT);
}

export async function flat(check: OneCheck, concurrency: number, seconds: number, offset: number): Promise<CheckMeasure['flat']> {
  const latencies = newLatencies();
  let failures = 0;
  let done = 0;
  const deadline = performance.now() + seconds * 1000;
  const began = performance.now();
  let next = offset;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const index = next++;
        const start = performance.now();
        try {
          await check(index);
          latencies.recordValue(Math.max(1, Math.round(performance.now() - start)));
          done++;
        } catch {
          failures++;
        }
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return { concurrency, seconds: elapsed, perSecond: done / elapsed, latency: summarize(latencies), failures };
}
