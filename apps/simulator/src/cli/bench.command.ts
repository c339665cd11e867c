import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { checks, checksTable, diagnosisTable, instancesTable, neighbourTable, resultTable, roundsTable, sweepTable, type BenchResults } from '../bench/bench-report';
import { writeResults } from '../bench/bench-docs';
import { SWEEP_PRECISION } from '../bench/fanout-bench';
import { REPLAY_REPORTS, REPLAY_TEAMS } from '../bench/replay-bench';
import { BENCH_PHASES, runBench, type BenchPhase } from '../bench/run-bench';
import { numberIn, secondsIn } from './options';
import { stopOnSigint } from './sigint';

/** The workspace root, where `npm run bench` runs: docs/benchmarks.md is relative to it. */
const WORKSPACE = resolve(__dirname, '../../../..');

interface BenchOptions {
  sockets: number;
  workers: number;
  rate: number;
  duration: number;
  warmup: number;
  reportShare: number;
  viewers: number;
  sweep: boolean;
  sweepDuration: number;
  sweepStart: number;
  sweepMax: number;
  sweepReportShare: number;
  ingestDuration: number;
  ingestBatch: number;
  ingestClients: number;
  catchUpEvents: number;
  exportReports: number;
  cotDevices: number;
  cotDuration: number;
  replayTeams: number;
  replayReports: number;
  output: string;
  write: boolean;
  json?: string;
  cpuProf?: string;
  phases: BenchPhase[];
  neighbour: boolean;
  instances: number;
  rounds?: number;
  redisUrl: string;
  diagnose: boolean;
}

/** Modes that compare conditions take medians over this many rounds unless told otherwise. */
const COMPARISON_ROUNDS = 3;

export function benchCommand(): Command {
  return new Command('bench')
    .description('Start the built API in production mode on a fresh database and measure fan-out, ingest, catch-up and memory against bare baselines')
    .option('--sockets <n>', 'subscribed dashboard sockets', numberIn(1, 20_000, true), 1000)
    .option('--workers <k>', 'client processes holding the sockets', numberIn(1, 32, true), 4)
    .option('--rate <r>', 'field events per second (positions and reports)', numberIn(1, 10_000), 20)
    .option('--duration <seconds>', 'measured fan-out time', secondsIn(1, 600), 30)
    .option('--warmup <seconds>', 'unmeasured fan-out time before it', secondsIn(0, 120), 5)
    .option('--report-share <share>', 'share of the events that are reports (the rest are positions)', numberIn(0, 1), 0.25)
    .option('--viewers <n>', 'distinct viewer accounts the sockets sign in as', numberIn(1, 100, true), 10)
    .option('--sweep', 'also search the highest rate whose p99 stays within 100 ms, for Lintas and the baseline', false)
    .option('--sweep-start <r>', 'first rate the sweep tries (it doubles from there, then narrows)', numberIn(1, 10_000), 5)
    .option('--sweep-duration <seconds>', 'measured time of each sweep step', secondsIn(1, 120), 10)
    .option('--sweep-max <r>', 'highest rate the sweep tries', numberIn(1, 100_000), 5120)
    .option('--sweep-report-share <share>', 'share of reports during the sweep', numberIn(0, 1), 1)
    .option('--ingest-duration <seconds>', 'time of each ingest run', secondsIn(1, 600), 10)
    .option('--ingest-batch <n>', 'positions per batch', numberIn(1, 1000, true), 1000)
    .option('--ingest-clients <n>', 'concurrent writers', numberIn(1, 64, true), 4)
    .option('--catch-up-events <n>', 'events the catch-up subscriber missed', numberIn(1, 200_000, true), 10_000)
    .option('--export-reports <n>', 'reports of the operation the export phase exports', numberIn(1, 1_000_000, true), 100_000)
    .option('--cot-devices <n>', 'TAK devices of the CoT phase (4 positions a second each)', numberIn(1, 2000, true), 200)
    .option('--cot-duration <seconds>', 'time the TAK devices send', secondsIn(1, 600), 10)
    .option('--replay-teams <n>', 'teams of the replay phase\'s 24-hour operation (a position every 30 s each)', numberIn(1, 2000, true), REPLAY_TEAMS)
    .option('--replay-reports <n>', 'reports of the replay phase\'s operation (the after-action report prints them all)', numberIn(1, 100_000, true), REPLAY_REPORTS)
    .option('--output <file>', 'the results document', 'docs/benchmarks.md')
    .option('--no-write', 'print the results without writing the document')
    .option('--json <file>', 'also write the raw results as JSON')
    .option('--cpu-prof <dir>', 'profile the API process (node --cpu-prof) into this folder')
    .option('--neighbour', 'also run the fan-out with a CPU-bound process busy on one core, for Lintas and the baseline alike', false)
    .option('--instances <n>', 'also run the fan-out on n API processes joined through the Redis Streams adapter, sockets and writers split', numberIn(1, 4, true), 1)
    .option('--rounds <n>', `rounds of the fan-out measures, medians over them (default 1; ${COMPARISON_ROUNDS} with --neighbour or --instances)`, numberIn(1, 20, true))
    .option('--diagnose', "probe the API during each measured fan-out: its event-loop delay and its database backends' states (pg_stat_activity)", false)
    .option('--redis-url <url>', 'Redis for --instances', process.env.REDIS_URL ?? 'redis://127.0.0.1:6379')
    .option('--phases <list>', `comma-separated phases to run (${BENCH_PHASES.join(', ')})`, phaseList, [...BENCH_PHASES])
    .action(async (options: BenchOptions) => {
      process.exitCode = await bench(options);
    });
}

async function bench(options: BenchOptions): Promise<number> {
  const log = (line: string) => console.log(line);
  const stop = stopOnSigint(log);
  try {
    const results = await runBench({
      sockets: options.sockets,
      workers: options.workers,
      rate: options.rate,
      durationS: options.duration,
      warmupS: options.warmup,
      reportShare: options.reportShare,
      viewers: options.viewers,
      sweep: options.sweep,
      sweepDurationS: options.sweepDuration,
      sweepStartRate: options.sweepStart,
      sweepMaxRate: options.sweepMax,
      sweepReportShare: options.sweepReportShare,
      ingestDurationS: options.ingestDuration,
      ingestBatch: options.ingestBatch,
      ingestClients: options.ingestClients,
      catchUpEvents: options.catchUpEvents,
      exportReports: options.exportReports,
      cotDevices: options.cotDevices,
      cotDurationS: options.cotDuration,
      replayTeams: options.replayTeams,
      replayReports: options.replayReports,
      phases: options.phases,
      neighbour: options.neighbour,
      instances: options.instances,
      rounds: options.rounds ?? (options.neighbour || options.instances > 1 ? COMPARISON_ROUNDS : 1),
      redisUrl: options.redisUrl,
      diagnose: options.diagnose,
      apiNodeArgs: options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProf)}`] : [],
      signal: stop.signal,
      log,
    });
    const text = report(results);
    console.log(`\n${text}\n`);
    if (options.write) {
      const file = resolve(WORKSPACE, options.output);
      writeResults(file, text);
      console.log(`results written to ${file}`);
    }
    if (options.json) {
      const file = resolve(options.json);
      mkdirSync(dirname(file), { recursive: true });
      const fanout = results.fanout && {
        ...results.fanout,
        lintasOpen: omitSession(results.fanout.lintasOpen),
        baselineOpen: omitSession(results.fanout.baselineOpen),
        clusterOpen: results.fanout.clusterOpen && omitSession(results.fanout.clusterOpen),
      };
      writeFileSync(file, JSON.stringify({ ...results, fanout, checks: checks(results) }, null, 2));
    }
    return 0;
  } catch (error) {
    console.error(`bench failed: ${(error as Error).message}`);
    return 1;
  } finally {
    stop.dispose();
  }
}

function phaseList(value: string): BenchPhase[] {
  const phases = value.split(',').map((phase) => phase.trim());
  const unknown = phases.filter((phase) => !(BENCH_PHASES as readonly string[]).includes(phase));
  if (unknown.length) throw new InvalidArgumentError(`unknown phase ${unknown.join(', ')}: the phases are ${BENCH_PHASES.join(', ')}`);
  return phases as BenchPhase[];
}

function omitSession<T extends { session: unknown }>(open: T): Omit<T, 'session'> & { connected: number } {
  const { session, ...rest } = open;
  return { ...rest, connected: (session as { connected: number }).connected };
}

function report(results: BenchResults): string {
  const { machine, params } = results;
  const lines = [
    `### Run of ${results.startedAt}`,
    '',
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB; Node ${machine.node}, PostgreSQL ${machine.postgres}` +
      ` (${machine.database}), Socket.IO ${machine.socketIo}. API: the built app, NODE_ENV=production, LOG_LEVEL=warn.` +
      ` Load average (1 min) ${machine.load.start} at the start, ${machine.load.end ?? '—'} at the end.`,
    '',
    `Phases: ${params.phases.join(', ')}. Parameters: ${params.sockets} sockets in ${params.workers} client processes; ${params.rate} events/s for ${params.durationS} s` +
      ` (${Math.round(params.reportShare * 100)}% reports, the rest positions); ingest ${params.ingestClients} writers × batches of` +
      ` ${params.ingestBatch} for ${params.ingestDurationS} s; catch-up of ${params.catchUpEvents} reports; export of ${params.exportReports} reports;` +
      ` CoT: ${params.cotDevices} devices × 4 positions/s for ${params.cotDurationS} s.` +
      (params.rounds > 1 ? ` Fan-out: ${params.rounds} rounds, each condition once a round; the main table shows the run with the median p99.` : '') +
      (params.sweep ? ` Sweep: doubling from ${params.sweepStartRate}/s while p99 ≤ 100 ms, then narrowing to within ${SWEEP_PRECISION * 100} %, ${Math.round(params.sweepReportShare * 100)}% reports.` : ''),
    '',
    resultTable(results),
    '',
    checksTable(checks(results)),
  ];
  const busy = neighbourTable(results);
  if (busy) lines.push('', 'Quiet and with a busy neighbour (a CPU-bound process on one core for the whole measure):', '', busy);
  const instances = instancesTable(results);
  if (instances) lines.push('', `One instance and ${params.instances} instances joined through the Redis Streams adapter:`, '', instances);
  const diagnosis = diagnosisTable(results);
  if (diagnosis) lines.push('', "Where Lintas's writes waited (--diagnose: the API's event-loop delay; pg_stat_activity sampled every 50 ms):", '', diagnosis);
  const perRound = roundsTable(results);
  if (perRound) lines.push('', 'Every round:', '', perRound);
  if (results.sweep) {
    lines.push(
      '',
      'Sweep steps:',
      '',
      sweepTable([
        { name: 'Lintas', runs: results.sweep.lintas.steps },
        { name: 'baseline', runs: results.sweep.baseline.steps },
      ]),
    );
  }
  return lines.join('\n');
}
