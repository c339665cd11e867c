import { delay } from '../client/lintas-api';
import { startBusyNeighbour, type BusyNeighbour } from './busy-neighbour';
import type { Diagnosis } from './diagnosis';
import { FanoutSession, type Deliveries } from './fanout-session';
import { FieldLoad, type FieldLoadResult } from './field-load';
import { RateSearch } from './rate-search';
import { CpuMeter, rssBytes } from './process-stats';

/** One system under test for the fan-out: Lintas, or the bare Socket.IO baseline. */
export interface FanoutTarget {
  name: string;
  /** The server's instances: the dashboard sockets are split between them, round robin. */
  urls: string[];
  /** Their processes, for CPU and memory (summed). */
  serverPids: number[];
  operationId: string;
  viewerTokens: string[];
  /** Field clients connected and ready to post `rate` events a second with this report share. */
  fieldLoad(rate: number, reportShare: number): Promise<FieldLoad>;
  /** With several instances: the instance each team posts through (team id → index into `urls`). */
  origins?(): Record<string, number>;
  /** With `--diagnose`: starts the server's probes for the measured run; the answer stops them. */
  diagnose?(): Promise<() => Promise<Diagnosis>>;
}

export interface FanoutParams {
  sockets: number;
  workers: number;
  rate: number;
  durationS: number;
  warmupS: number;
  reportShare: number;
}

export interface FanoutRun {
  rate: number;
  durationS: number;
  reportShare: number;
  sent: FieldLoadResult;
  deliveries: Deliveries;
  /** Report deliveries expected: acknowledged reports × connected sockets. */
  expectedReportDeliveries: number;
  /** Server CPU over the measured run, as a share of one core. */
  serverCpu: number;
  /**
   * Server CPU milliseconds per 1,000 deliveries, from the start of the measured run until the
   * deliveries are collected (the settle included, so the backlog's writes are counted with the
   * deliveries they made): work per delivered event, which a busy machine changes far less than latency.
   */
  serverCpuMsPer1000: number;
  /** CPU of all the dashboard-client processes together over the run: near the core count, the clients are the bottleneck. */
  clientCpu: number;
  /** CPU the busy neighbour took over the run (share of one core), or null when the run had none. */
  neighbourCpu: number | null;
  /** The server's event-loop delay and its database backends' states over the run (`--diagnose`). */
  diagnosis?: Diagnosis;
}

export interface FanoutOpen {
  session: FanoutSession;
  /** Server RSS growth per connected and subscribed socket, bytes. */
  memoryPerSocket: number;
  rssBefore: number;
  rssAfter: number;
}

const SETTLE_MS = 1500;

/** Connects the dashboard sockets and measures what they cost the server in memory. */
export async function openFanout(target: FanoutTarget, params: FanoutParams, log: (line: string) => void): Promise<FanoutOpen> {
  const rss = () => target.serverPids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  const rssBefore = rss();
  const started = Date.now();
  const session = await FanoutSession.open({
    urls: target.urls,
    tokens: target.viewerTokens,
    operationId: target.operationId,
    sockets: params.sockets,
    workers: params.workers,
    connectConcurrency: 25,
  });
  log(
    `  ${target.name}: ${session.connected} sockets subscribed in ${((Date.now() - started) / 1000).toFixed(1)} s over ${params.workers} processes` +
      (session.failed ? `, ${session.failed} failed (${session.firstError})` : ''),
  );
  await delay(3000);
  const rssAfter = rss();
  return { session, rssBefore, rssAfter, memoryPerSocket: session.connected ? (rssAfter - rssBefore) / session.connected : NaN };
}

/** Field clients post at `rate` for `durationS` (after a warm-up); the sockets measure each delivery. */
export async function measureFanout(
  target: FanoutTarget,
  session: FanoutSession,
  options: { rate: number; durationS: number; warmupS: number; reportShare: number; neighbour?: boolean },
  log: (line: string) => void,
): Promise<FanoutRun> {
  const load = await target.fieldLoad(options.rate, options.reportShare);
  if (target.origins) session.setOrigins(target.origins());
  // The neighbour starts before the warm-up, so that the measured run begins in the busy steady state.
  let neighbour: BusyNeighbour | null = options.neighbour ? await startBusyNeighbour() : null;
  try {
    const url = target.urls[0];
    if (options.warmupS > 0) {
      await load.run({ url, operationId: target.operationId, rate: options.rate, durationMs: options.warmupS * 1000, reportShare: options.reportShare });
      await delay(SETTLE_MS);
    }
    session.reset();
    const cpu = target.serverPids.map((pid) => new CpuMeter(pid));
    const clientCpu = session.pids.map((pid) => new CpuMeter(pid));
    const diagnosing = target.diagnose ? await target.diagnose() : null;
    const sent = await load.run({ url, operationId: target.operationId, rate: options.rate, durationMs: options.durationS * 1000, reportShare: options.reportShare });
    const serverCpu = cpu.reduce((sum, meter) => sum + meter.read(), 0);
    const clientsCpu = clientCpu.reduce((sum, meter) => sum + meter.read(), 0);
    const diagnosis = diagnosing ? await diagnosing() : undefined;
    await delay(SETTLE_MS);
    const serverCpuSeconds = cpu.reduce((sum, meter) => sum + meter.seconds(), 0);
    const neighbourCpu = neighbour ? await neighbour.stop() : null;
    neighbour = null;
    const deliveries = await session.collect();
    const run: FanoutRun = {
      rate: options.rate,
      durationS: options.durationS,
      reportShare: options.reportShare,
      sent,
      deliveries,
      expectedReportDeliveries: sent.reportsAcked * session.connected,
      serverCpu,
      serverCpuMsPer1000: deliveries.latency.count ? (serverCpuSeconds * 1e6) / deliveries.latency.count : NaN,
      clientCpu: clientsCpu,
      neighbourCpu,
      diagnosis,
    };
    log(`  ${target.name}${options.neighbour ? ' (busy neighbour)' : ''} @ ${options.rate}/s: ${describe(run)}`);
    return run;
  } finally {
    load.close();
    await neighbour?.stop();
  }
}

export function describe(run: FanoutRun): string {
  const l = run.deliveries.latency;
  const refused = run.sent.refused ? `, ${run.sent.refused} refused (${Object.keys(run.sent.errors)[0]})` : '';
  return (
    `p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms over ${l.count} deliveries` +
    ` (reports p99 ${run.deliveries.reportLatency.p99} ms, positions p99 ${run.deliveries.positionLatency.p99} ms;` +
    ` report stored-acks p50 ${run.sent.reportAck.p50} ms, p99 ${run.sent.reportAck.p99} ms)` +
    (run.deliveries.crossLatency.count ? `, cross-instance p50 ${run.deliveries.crossLatency.p50} ms, p99 ${run.deliveries.crossLatency.p99} ms` : '') +
    `, ${run.deliveries.reports}/${run.expectedReportDeliveries} report deliveries, server CPU ${(run.serverCpu * 100).toFixed(0)}% (${run.serverCpuMsPer1000.toFixed(1)} ms per 1,000 deliveries), clients ${(run.clientCpu * 100).toFixed(0)}%` +
    (run.neighbourCpu !== null ? `, neighbour ${(run.neighbourCpu * 100).toFixed(0)}%` : '') +
    (run.diagnosis ? `; event-loop delay p99 ${run.diagnosis.loopDelay?.p99 ?? '—'} ms, database: ${describeStates(run.diagnosis.pg.states)}` : '') +
    refused
  );
}

/** The sweep stops narrowing once the gap between held and failed rates is within this share of the held one. */
export const SWEEP_PRECISION = 0.15;

/**
 * Searches for the highest rate whose p99 stays within `limitMs` with no post refused and every
 * report delivered (`RateSearch`: doubling from `startRate`, then narrowing the gap), within
 * `maxRate` and at most `maxSteps` steps; answers every step and the highest rate that held.
 */
export async function sweepFanout(
  target: FanoutTarget,
  session: FanoutSession,
  options: { startRate: number; maxRate: number; maxSteps: number; durationS: number; reportShare: number; limitMs: number },
  log: (line: string) => void,
): Promise<{ steps: FanoutRun[]; highest: FanoutRun | null }> {
  const steps: FanoutRun[] = [];
  let highest: FanoutRun | null = null;
  const search = new RateSearch({ start: options.startRate, max: options.maxRate, precision: SWEEP_PRECISION });
  for (let rate = search.next(); rate !== null && steps.length < options.maxSteps; rate = search.next()) {
    const run = await measureFanout(target, session, { rate, durationS: options.durationS, warmupS: 2, reportShare: options.reportShare }, log);
    steps.push(run);
    const held = run.deliveries.latency.p99 <= options.limitMs && run.sent.refused === 0 && run.deliveries.reports >= run.expectedReportDeliveries * 0.99;
    search.record(rate, held);
    if (held && (!highest || rate > highest.rate)) highest = run;
  }
  return { steps, highest };
}

/** The three most frequent states of the API's database backends, as shares. */
export function describeStates(states: Record<string, number>): string {
  const top = Object.entries(states).slice(0, 3);
  return top.length ? top.map(([state, share]) => `${state} ${Math.round(share * 100)}%`).join(', ') : 'no backend busy';
}
