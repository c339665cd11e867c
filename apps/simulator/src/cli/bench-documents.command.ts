import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { Pool } from 'pg';
import { startLintasServer } from '../harness/lintas-server';
import { BenchWorld } from '../bench/bench-setup';
import { loadNow } from '../bench/bench-report';
import { writeResults } from '../bench/bench-docs';
import { LOOP_DELAY_PROBE, startDiagnosis, type Diagnosis } from '../bench/diagnosis';
import { apiCheck, atRate, flat, importThroughApi, importThroughPg, isListed, pgCheck, type AtRateMeasure } from '../bench/document-check-bench';
import { listTableState, lookupPlan } from '../bench/document-check-diagnosis';
import { documentBenchTable, type DocumentBenchResults } from '../bench/document-check-report';
import { numberIn, secondsIn } from './options';

const WORKSPACE = resolve(__dirname, '../../../..');

interface Options {
  rows: number;
  rate: number;
  duration: number;
  concurrency: number;
  hitShare: number;
  rounds: number;
  cpuProf?: string;
  diagnose: boolean;
  output: string;
  write: boolean;
}

/** `bench-documents`: the list import and the document checks, each beside its PostgreSQL baseline. */
export function benchDocumentsCommand(): Command {
  return new Command('bench-documents')
    .description('Import a stolen and lost documents list through the API and measure document checks, beside plain PostgreSQL baselines')
    .option('--rows <n>', 'rows of the list', numberIn(1, 5_000_000, true), 1_000_000)
    .option('--rate <r>', 'checks per second of the open-loop run', numberIn(1, 10_000), 100)
    .option('--duration <seconds>', 'time of each check run', secondsIn(1, 600), 20)
    .option('--concurrency <n>', 'clients of the flat-out run', numberIn(1, 64, true), 4)
    .option('--hit-share <share>', 'share of the checks on listed numbers (each potential hit raises an alert)', numberIn(0, 1), 0.02)
    .option('--rounds <n>', 'rounds of the fixed-rate run (Lintas then the baseline each round; the table gives the medians)', numberIn(1, 20, true), 3)
    .option('--diagnose', "probe the API during each round (event-loop delay, its backends' states and autovacuum workers in pg_stat_activity) and EXPLAIN the lookup", false)
    .option('--cpu-prof <dir>', 'profile the API process (node --cpu-prof) into this folder, written when it stops')
    .option('--output <file>', 'the results document', 'docs/benchmarks-document-checks.md')
    .option('--no-write', 'print the results without writing the document')
    .action(async (options: Options) => {
      process.exitCode = await run(options);
    });
}

async function run(options: Options): Promise<number> {
  const log = (line: string) => console.log(line);
  log('starting the built API (NODE_ENV=production) on a fresh database…');
  const probeFile = join(tmpdir(), `lintas-documents-probe-${process.pid}.json`);
  const server = await startLintasServer({
    production: true,
    demoData: true,
    // A loaded machine (the shared one runs other sessions' builds) can take minutes to migrate and seed.
    timeoutMs: 300_000,
    env: {
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      LOG_LEVEL: 'warn',
      WRITES_PER_SECOND: '10000',
      SUBSCRIPTIONS_PER_SECOND: '10000',
      ...(options.diagnose ? { LINTAS_LOOP_PROBE_FILE: probeFile } : {}),
    },
    nodeArgs: [...(options.diagnose ? ['--require', LOOP_DELAY_PROBE] : []), ...(options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${resolve(options.cpuProf)}`] : [])],
  });
  const pool = new Pool({ connectionString: server.databaseUrl, max: options.concurrency });
  try {
    const loadStart = loadNow();
    const world = await BenchWorld.create(server.baseUrl, server.demoPassword);
    const operation = await world.operation('BENCH-DOCS');
    const [field] = await world.fieldClients(operation, 1);

    log(`import: ${options.rows.toLocaleString('en-GB')} rows through the API…`);
    const importLintas = await importThroughApi(server.baseUrl, world.commander.accessToken, world.agency.code, options.rows, server.pid);
    log(`  ${importLintas.seconds.toFixed(1)} s, API RSS ${importLintas.rssBeforeMiB} → ${importLintas.rssPeakMiB} MiB`);
    const afterImport = options.diagnose ? { state: await listTableState(pool), plan: await lookupPlan(pool) } : null;
    const importBaseline = await importThroughPg(server.databaseUrl, options.rows);
    log(`  baseline (pg unnest INSERT into a plain indexed table): ${importBaseline.seconds.toFixed(1)} s`);

    const listed = (index: number) => isListed(index, options.hitShare);
    const check = apiCheck(server.baseUrl, operation.id, field, options.rows, options.hitShare);
    const baseline = pgCheck(pool, options.rows, options.hitShare);
    await flat(check, 2, 2, 10_000_000); // warm-up, unmeasured
    await flat(baseline, 2, 2, 10_000_000);
    const rounds: DocumentBenchResults['rounds'] = { lintas: [], baseline: [], diagnosis: [] };
    for (let round = 0; round < options.rounds; round++) {
      log(`round ${round + 1} of ${options.rounds}: checks at ${options.rate}/s for ${options.duration} s, Lintas then the baseline…`);
      const offset = 20_000_000 + round * 1_000_000;
      const diagnosing = options.diagnose ? await startDiagnosis(server.pid, probeFile, server.databaseUrl) : null;
      const lintas: AtRateMeasure = await atRate(check, options.rate, options.duration, offset, listed);
      const diagnosis: Diagnosis | null = diagnosing ? await diagnosing() : null;
      const base = await atRate(baseline, options.rate, options.duration, offset, listed);
      rounds.lintas.push(lintas);
      rounds.baseline.push(base);
      rounds.diagnosis.push(diagnosis);
      log(`  Lintas p99 ${lintas.latency.p99} ms (hits ${lintas.hits.p99}, misses ${lintas.misses.p99}), baseline p99 ${base.latency.p99} ms`);
    }
    log(`checks flat out, ${options.concurrency} clients, ${options.duration} s…`);
    const lintasFlat = await flat(check, options.concurrency, options.duration, 1_000_000);
    const baselineFlat = await flat(baseline, options.concurrency, options.duration, 1_000_000);

    const results: DocumentBenchResults = {
      rows: options.rows,
      hitShare: options.hitShare,
      import: { lintas: importLintas, baseline: importBaseline },
      rounds,
      flat: { lintas: lintasFlat, baseline: baselineFlat },
      list: afterImport ? { afterImport: afterImport.state, planAfterImport: afterImport.plan, afterRounds: await listTableState(pool), planAfterRounds: await lookupPlan(pool) } : undefined,
    };
    const text = `${documentBenchTable(results)}\n\nMachine load (1-min average) at start ${loadStart}, at end ${loadNow()}; ${new Date().toISOString()}.`;
    console.log(`\n${text}\n`);
    if (options.write) writeResults(resolve(WORKSPACE, options.output), text);
    return 0;
  } catch (error) {
    console.error(`bench-documents failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await pool.end();
    await server.stop();
  }
}
