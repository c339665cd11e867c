import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startLintasServer, type LintasServer } from '../harness/lintas-server';
import { startBaselineServer } from './baseline-process';
import { BenchWorld } from './bench-setup';
import { LOOP_DELAY_PROBE, startDiagnosis } from './diagnosis';
import { loadNow, machineInfo, type BenchParams, type BenchResults } from './bench-report';
import { catchUpThroughPg, catchUpThroughSocket, fillOperation } from './catch-up-bench';
import { startClusterInstances } from './cluster-pair';
import { measureFanout, openFanout, sweepFanout, type FanoutOpen, type FanoutTarget } from './fanout-bench';
import { medianRun, type FanoutRounds } from './fanout-rounds';
import { FieldLoad, type FieldClient } from './field-load';
import { ingestThroughApi, ingestThroughPg } from './ingest-bench';
import { bindDevices, ingestThroughCot, ingestThroughPgRows } from './cot-bench';
import { exportThroughApi, fillReports, selectThroughPg } from './export-bench';
import { freePort } from '@lintas/testing';

import { fillReplayOperation, measureReplay } from './replay-bench';

export const BENCH_PHASES = ['fanout', 'ingest', 'catch-up', 'export', 'cot', 'replay'] as const;
export type BenchPhase = (typeof BENCH_PHASES)[number];

export interface RunBenchOptions extends BenchParams {
  /** The phases to run (all by default); the others are left out of the results. */
  phases: readonly BenchPhase[];
  warmupS: number;
  viewers: number;
  sweepDurationS: number;
  sweepMaxRate: number;
  /** Run the fan-out again with a CPU-bound neighbour process busy on one core (Lintas and baseline alike). */
  neighbour: boolean;
  /** 2 or more: also run the fan-out on that many API processes joined through Redis, sockets and writers split. */
  instances: number;
  /** Rounds of the fan-out measures (each condition once per round); medians over them. */
  rounds: number;
  /** Probe the API during each measured fan-out: event-loop delay and pg_stat_activity (see diagnosis.ts). */
  diagnose: boolean;
  /** Redis for `instances` > 1. */
  redisUrl: string;
  /** Node flags for the API process, e.g. `--cpu-prof --cpu-prof-dir=…`. */
  apiNodeArgs: string[];
  signal: AbortSignal;
  log: (line: string) => void;
}

/** Positions a team may post a second, with room under the API's limit of 5 (and its burst). */
const POSITIONS_PER_TEAM_PER_SECOND = 3;
const SWEEP_LIMIT_MS = 100;
const SWEEP_MAX_STEPS = 10;

/** How many field clients (one team and one user each) a rate needs under the API's position limits. */
export function fieldClientsFor(rate: number, reportShare: number): number {
  const positionsPerSecond = rate * (1 - reportShare);
  return Math.max(1, Math.ceil(positionsPerSecond / POSITIONS_PER_TEAM_PER_SECOND), Math.min(8, Math.ceil(rate / 20)));
}

/**
 * The whole benchmark: the built API in production mode on a fresh database, against the bare
 * baselines, each measure with its baseline in the same run. Every phase is bounded in time.
 */
export async function runBench(options: RunBenchOptions): Promise<BenchResults> {
  const log = options.log;
  const startedAt = new Date().toISOString();
  log('starting the built API (NODE_ENV=production) on a fresh database…');
  const cotPort = options.phases.includes('cot') ? await freePort() : null;
  // A thousand dashboards and dozens of field devices played by a few accounts: the per-user
  // budgets, which would cut them as one flooding user, are lifted (they have their own spec).
  // The JWT secret is the bench's, so that more instances (--instances) accept the same tokens.
  const env = {
    ACCESS_TOKEN_TTL_SECONDS: '86400',
    LOG_LEVEL: 'warn',
    WRITES_PER_SECOND: '10000',
    SUBSCRIPTIONS_PER_SECOND: '10000',
    JWT_SECRET: randomBytes(48).toString('base64url'),
  };
  // Only the first instance listens for CoT: more instances (--instances) would want the same port.
  const cotEnv: Record<string, string> = cotPort === null ? {} : { COT_PORT: String(cotPort), COT_HOST: '127.0.0.1' };
  const probeFile = join(tmpdir(), `lintas-loop-delay-${process.pid}-${randomUUID()}.json`);
  const server = await startLintasServer({
    production: true,
    demoData: true,
    env: options.diagnose ? { ...env, ...cotEnv, LINTAS_LOOP_PROBE_FILE: probeFile } : { ...env, ...cotEnv },
    nodeArgs: options.diagnose ? [...options.apiNodeArgs, '--require', LOOP_DELAY_PROBE] : options.apiNodeArgs,
  });
  const abort = () => void server.stop();
  options.signal.addEventListener('abort', abort, { once: true });
  try {
    const machine = machineInfo(...(await versions(server)));
    log(`  API pid ${server.pid} at ${server.baseUrl}; PostgreSQL ${machine.postgres} (${machine.database})`);
    const world = await BenchWorld.create(server.baseUrl, server.demoPassword);
    checkAborted(options.signal);

    const viewerTokens = await world.viewerTokens(options.viewers);
    const fanout = options.phases.includes('fanout') ? await runFanoutPhase(options, server, world, viewerTokens, env, probeFile) : null;
    checkAborted(options.signal);
    const ingest = options.phases.includes('ingest') ? await runIngestPhase(options, server, world) : null;
    checkAborted(options.signal);
    const catchUp = options.phases.includes('catch-up') ? await runCatchUpPhase(options, server, world, viewerTokens[0]) : null;
    checkAborted(options.signal);
    const exports = options.phases.includes('export') ? await runExportPhase(options, server, world) : null;
    checkAborted(options.signal);
    const cot = cotPort !== null ? await runCotPhase(options, server, world, cotPort) : null;
    checkAborted(options.signal);
    const replay = options.phases.includes('replay') ? await runReplayPhase(options, server, world) : null;
    machine.load.end = loadNow();
    return { params: options, startedAt, machine, fanout: fanout?.fanout ?? null, sweep: fanout?.sweep ?? null, ingest, catchUp, exports, cot, replay };
  } finally {
    options.signal.removeEventListener('abort', abort);
    log('stopping the API…');
    await server.stop();
  }
}

async function runFanoutPhase(
  options: RunBenchOptions,
  server: LintasServer,
  world: BenchWorld,
  viewerTokens: string[],
  clusterEnv: Record<string, string>,
  probeFile: string,
): Promise<Pick<BenchResults, 'fanout' | 'sweep'>> {
  const log = options.log;
  log(
    `fan-out: ${options.sockets} dashboard sockets, field clients at ${options.rate} events/s for ${options.durationS} s, ${options.rounds} round(s)` +
      (options.neighbour ? ', quiet and with a busy neighbour' : '') +
      (options.instances > 1 ? `, one instance and ${options.instances} instances` : ''),
  );
  const closers: Array<() => Promise<void>> = [];
  try {
    const lintas = await lintasTarget(world, server, viewerTokens, 'BENCH-FANOUT');
    if (options.diagnose) lintas.diagnose = () => startDiagnosis(server.pid, probeFile, server.databaseUrl);
    const lintasOpen = await openFanout(lintas, options, log);
    closers.push(() => lintasOpen.session.close());
    checkAborted(options.signal);

    const baselineServer = await startBaselineServer();
    closers.push(() => baselineServer.stop());
    const baseline = baselineTarget(baselineServer);
    const baselineOpen = await openFanout(baseline, options, log);
    closers.push(() => baselineOpen.session.close());
    checkAborted(options.signal);

    let cluster: { target: FanoutTarget; open: FanoutOpen } | null = null;
    if (options.instances > 1) {
      log(`  starting ${options.instances} more API processes on the same database, joined through Redis (${options.redisUrl})…`);
      const pair = await startClusterInstances(options.instances, { databaseUrl: server.databaseUrl, redisUrl: options.redisUrl, env: clusterEnv, nodeArgs: options.apiNodeArgs });
      closers.push(() => pair.stop());
      const target = await clusterTarget(world, pair.instances, viewerTokens);
      cluster = { target, open: await openFanout(target, options, log) };
      const session = cluster.open.session;
      closers.push(() => session.close());
    }
    checkAborted(options.signal);

    // Each round measures every condition once, one after the other, so that the machine's drift
    // over the run reaches all of them alike; the tables show medians and per-round ratios.
    const rounds: FanoutRounds = { lintas: [], baseline: [], lintasBusy: [], baselineBusy: [], cluster: [] };
    for (let round = 1; round <= options.rounds; round++) {
      if (options.rounds > 1) log(`  round ${round} of ${options.rounds}`);
      const measure = async (target: FanoutTarget, open: FanoutOpen, neighbour: boolean) => {
        const run = await measureFanout(target, open.session, { ...options, neighbour }, log);
        checkAborted(options.signal);
        return run;
      };
      rounds.lintas.push(await measure(lintas, lintasOpen, false));
      rounds.baseline.push(await measure(baseline, baselineOpen, false));
      if (options.neighbour) {
        rounds.lintasBusy.push(await measure(lintas, lintasOpen, true));
        rounds.baselineBusy.push(await measure(baseline, baselineOpen, true));
      }
      if (cluster) rounds.cluster.push(await measure(cluster.target, cluster.open, false));
    }

    let sweep: BenchResults['sweep'] = null;
    if (options.sweep) {
      const lintasSweep = await sweepFanout(lintas, lintasOpen.session, sweepOptions(options), log);
      checkAborted(options.signal);
      const baselineSweep = await sweepFanout(baseline, baselineOpen.session, sweepOptions(options), log);
      sweep = { lintas: lintasSweep, baseline: baselineSweep };
    }
    return {
      fanout: {
        lintas: medianRun(rounds.lintas),
        baseline: medianRun(rounds.baseline),
        lintasOpen,
        baselineOpen,
        rounds,
        clusterOpen: cluster?.open ?? null,
        instances: options.instances,
      },
      sweep,
    };
  } finally {
    for (const close of closers.reverse()) await close().catch(() => undefined);
  }
}

/** Lintas's one instance (the API started by the bench): every socket and field client on it. */
async function lintasTarget(world: BenchWorld, server: LintasServer, viewerTokens: string[], code: string): Promise<FanoutTarget> {
  const operation = await world.operation(code);
  const fieldClients: FieldClient[] = [];
  return {
    name: 'Lintas',
    urls: [server.baseUrl],
    serverPids: [server.pid],
    operationId: operation.id,
    viewerTokens,
    fieldLoad: async (rate, share) => {
      const needed = fieldClientsFor(rate, share);
      if (fieldClients.length < needed) fieldClients.push(...(await world.fieldClients(operation, needed - fieldClients.length)));
      return FieldLoad.connect(server.baseUrl, fieldClients.slice(0, needed));
    },
  };
}

/**
 * Lintas on several instances: the dashboard sockets split between them round robin, and the
 * field clients too (writers on every instance), so that most deliveries cross through Redis.
 */
async function clusterTarget(world: BenchWorld, instances: LintasServer[], viewerTokens: string[]): Promise<FanoutTarget> {
  const operation = await world.operation('BENCH-CLUSTER');
  const fieldClients: FieldClient[] = [];
  const origins: Record<string, number> = {};
  return {
    name: `Lintas × ${instances.length}`,
    urls: instances.map((instance) => instance.baseUrl),
    serverPids: instances.map((instance) => instance.pid),
    operationId: operation.id,
    viewerTokens,
    fieldLoad: async (rate, share) => {
      const needed = Math.max(instances.length, fieldClientsFor(rate, share));
      while (fieldClients.length < needed) {
        const [client] = await world.fieldClients(operation, 1);
        const index = fieldClients.length % instances.length;
        origins[client.teamId] = index;
        fieldClients.push({ token: client.token, teamId: client.teamId, url: instances[index].baseUrl });
      }
      return FieldLoad.connect(instances[0].baseUrl, fieldClients.slice(0, needed));
    },
    origins: () => ({ ...origins }),
  };
}

function baselineTarget(server: { url: string; pid: number }): FanoutTarget {
  return {
    name: 'baseline',
    urls: [server.url],
    serverPids: [server.pid],
    operationId: randomUUID(),
    viewerTokens: ['baseline'],
    fieldLoad: (rate, share) =>
      FieldLoad.connect(server.url, Array.from({ length: fieldClientsFor(rate, share) }, () => ({ token: 'baseline', teamId: randomUUID() }))),
  };
}

async function runIngestPhase(options: RunBenchOptions, server: LintasServer, world: BenchWorld): Promise<BenchResults['ingest']> {
  const log = options.log;
  log(`ingest: ${options.ingestClients} writers, batches of ${options.ingestBatch} positions, ${options.ingestDurationS} s each`);
  const ingestOperation = await world.operation('BENCH-INGEST');
  const writers = await world.fieldClients(ingestOperation, options.ingestClients);
  const ingestOptions = { batch: options.ingestBatch, durationS: options.ingestDurationS, maxRequestsPerClient: 100_000 };
  const ingestLintas = await ingestThroughApi(writers, ingestOperation.id, ingestOptions);
  log(`  Lintas: ${Math.round(ingestLintas.perSecond)} positions/s (${ingestLintas.stored} in ${ingestLintas.seconds.toFixed(1)} s${ingestLintas.failures ? `, ${ingestLintas.failures} failed: ${ingestLintas.firstFailure}` : ''})`);
  const ingestBaseline = await ingestThroughPg(server.databaseUrl, writers, ingestOperation.id, ingestOptions);
  log(`  pg multi-row INSERT: ${Math.round(ingestBaseline.perSecond)} positions/s (${ingestBaseline.stored} in ${ingestBaseline.seconds.toFixed(1)} s)`);
  return { lintas: ingestLintas, baseline: ingestBaseline };
}

async function runCatchUpPhase(options: RunBenchOptions, server: LintasServer, world: BenchWorld, viewerToken: string): Promise<BenchResults['catchUp']> {
  const log = options.log;
  log(`catch-up: ${options.catchUpEvents} events missed by a subscriber`);
  const catchUpOperation = await world.operation('BENCH-CATCHUP');
  const reporters = await world.fieldClients(catchUpOperation, 8);
  const fill = await fillOperation(reporters, catchUpOperation.id, options.catchUpEvents);
  log(`  wrote ${options.catchUpEvents} reports through the API in ${fill.seconds.toFixed(1)} s (${Math.round(fill.perSecond)}/s into one operation)`);
  checkAborted(options.signal);
  const catchUpBaseline = await catchUpThroughPg(server.databaseUrl, catchUpOperation.id, 3);
  const catchUpLintas = await catchUpThroughSocket(server.baseUrl, viewerToken, catchUpOperation.id, catchUpBaseline.events, 3, true);
  const catchUpSingle = await catchUpThroughSocket(server.baseUrl, viewerToken, catchUpOperation.id, catchUpBaseline.events, 3, false);
  log(
    `  Lintas in pages: ${catchUpLintas.events} events in ${catchUpLintas.seconds.toFixed(3)} s; one packet per event: ${catchUpSingle.seconds.toFixed(3)} s;` +
      ` SELECT: ${catchUpBaseline.events} rows in ${catchUpBaseline.seconds.toFixed(3)} s`,
  );
  return { lintas: catchUpLintas, single: catchUpSingle, baseline: catchUpBaseline, fill };
}

async function runExportPhase(options: RunBenchOptions, server: LintasServer, world: BenchWorld): Promise<BenchResults['exports']> {
  const log = options.log;
  log(`export: ${options.exportReports} reports of one operation`);
  const operation = await world.operation('BENCH-EXPORT');
  const fill = await fillReports(server.databaseUrl, operation.id, world.commanderEmail, options.exportReports);
  log(`  filled through SQL in ${fill.seconds.toFixed(1)} s`);
  const geojson = await exportThroughApi(server.baseUrl, world.commander.accessToken, operation.id, 'geojson', server.pid);
  log(`  Lintas GeoJSON: ${geojson.rows} features, ${(geojson.bytes / 1e6).toFixed(1)} MB in ${geojson.seconds.toFixed(2)} s, API memory +${(geojson.peakMemoryGrowthBytes / 1e6).toFixed(1)} MB at peak`);
  const csv = await exportThroughApi(server.baseUrl, world.commander.accessToken, operation.id, 'csv', server.pid);
  log(`  Lintas CSV: ${csv.rows} reports, ${(csv.bytes / 1e6).toFixed(1)} MB in ${csv.seconds.toFixed(2)} s, API memory +${(csv.peakMemoryGrowthBytes / 1e6).toFixed(1)} MB at peak`);
  const select = await selectThroughPg(server.databaseUrl, operation.id);
  log(`  plain SELECT: ${select.rows} rows in ${select.seconds.toFixed(2)} s, client memory +${(select.peakMemoryGrowthBytes / 1e6).toFixed(1)} MB at peak`);
  return { csv, geojson, select };
}

async function runCotPhase(options: RunBenchOptions, server: LintasServer, world: BenchWorld, port: number): Promise<BenchResults['cot']> {
  const log = options.log;
  log(`CoT: ${options.cotDevices} TAK devices over TCP, 4 positions a second each, ${options.cotDurationS} s`);
  const operation = await world.operation('BENCH-COT');
  const devices = await bindDevices(world.commander, operation, options.cotDevices);
  const lintas = await ingestThroughCot(port, server.databaseUrl, devices, options.cotDurationS, server.pid);
  log(`  Lintas CoT listener: ${Math.round(lintas.perSecond)} positions/s stored of ${Math.round(lintas.offeredPerSecond)}/s sent (${lintas.stored} of ${lintas.sent}), API CPU ${lintas.cpu.toFixed(2)}`);
  const baseline = await ingestThroughPgRows(server.databaseUrl, operation.id, devices, options.cotDurationS);
  log(`  pg single-row INSERTs: ${Math.round(baseline.perSecond)} positions/s (${baseline.stored} of ${baseline.sent})`);
  return { lintas, baseline };
}

async function runReplayPhase(options: RunBenchOptions, server: LintasServer, world: BenchWorld): Promise<BenchResults['replay']> {
  const log = options.log;
  log(`replay: an operation of 24 h with ${options.replayTeams} teams (a position every 30 s) and ${options.replayReports.toLocaleString('en-GB')} reports`);
  const operation = await world.operation('BENCH-REPLAY');
  const end = new Date();
  const fill = await fillReplayOperation(server.databaseUrl, operation.id, world.agency.id, world.commander.user.id, end, { teams: options.replayTeams, reports: options.replayReports });
  log(`  filled in ${fill.seconds.toFixed(1)} s: ${fill.positions.toLocaleString('en-GB')} positions, ${fill.events.toLocaleString('en-GB')} events`);
  checkAborted(options.signal);
  const measured = await measureReplay(server.baseUrl, server.databaseUrl, world.commander.accessToken, operation.id, end, { tries: 40, pdfTries: 1, log });
  return { fill, ...measured };
}

function sweepOptions(options: RunBenchOptions) {
  return {
    startRate: options.sweepStartRate,
    maxRate: options.sweepMaxRate,
    maxSteps: SWEEP_MAX_STEPS,
    durationS: options.sweepDurationS,
    reportShare: options.sweepReportShare,
    limitMs: SWEEP_LIMIT_MS,
  };
}

function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw new Error('stopped by Ctrl-C');
}

async function versions(server: LintasServer): Promise<[string, string, string]> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    const socketIo = (JSON.parse(readFileSync(require.resolve('socket.io/package.json'), 'utf8')) as { version: string }).version;
    const host = new URL(server.databaseUrl).host;
    return [rows[0].server_version, socketIo, host];
  } finally {
    await client.end();
  }
}
