import { resolve } from 'node:path';
import { Command } from 'commander';
import { Pool } from 'pg';
import { startLintasServer } from '../harness/lintas-server';
import { BenchWorld } from '../bench/bench-setup';
import { loadNow } from '../bench/bench-report';
import { writeResults } from '../bench/bench-docs';
import { apiCheck, atRate, documentBenchTable, flat, importThroughApi, importThroughPg, pgCheck, type DocumentBenchResults } from '../bench/document-check-bench';
import { numberIn, secondsIn } from './options';

const WORKSPACE = resolve(__dirname, '../../../..');

interface Options {
  rows: number;
  rate: number;
  duration: number;
  concurrency: number;
  hitShare: number;
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
    .option('--output <file>', 'the results document', 'docs/benchmarks-document-checks.md')
    .option('--no-write', 'print the results without writing the document')
    .action(async (options: Options) => {
      process.exitCode = await run(options);
    });
}

async function run(options: Options): Promise<number> {
  const log = (line: string) => console.log(line);
  log('starting the built API (NODE_ENV=production) on a fresh database…');
  const server = await startLintasServer({
    production: true,
    demoData: true,
    env: { ACCESS_TOKEN_TTL_SECONDS: '86400', LOG_LEVEL: 'warn', WRITES_PER_SECOND: '10000', SUBSCRIPTIONS_PER_SECOND: '10000' },
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
    const importBaseline = await importThroughPg(server.databaseUrl, options.rows);
    log(`  baseline (pg unnest INSERT into a plain indexed table): ${importBaseline.seconds.toFixed(1)} s`);

    const check = apiCheck(server.baseUrl, operation.id, field, options.rows, options.hitShare);
    const baseline = pgCheck(pool, options.rows, options.hitShare);
    await flat(check, 2, 2, 10_000_000); // warm-up, unmeasured
    await flat(baseline, 2, 2, 10_000_000);
    log(`checks at ${options.rate}/s for ${options.duration} s…`);
    const lintasAtRate = await atRate(check, options.rate, options.duration, 0);
    const baselineAtRate = await atRate(baseline, options.rate, options.duration, 0);
    log(`  Lintas p99 ${lintasAtRate.latency.p99} ms, baseline p99 ${baselineAtRate.latency.p99} ms`);
    log(`checks flat out, ${options.concurrency} clients, ${options.duration} s…`);
    const lintasFlat = await flat(check, options.concurrency, options.duration, 1_000_000);
    const baselineFlat = await flat(baseline, options.concurrency, options.duration, 1_000_000);

    const results: DocumentBenchResults = {
      rows: options.rows,
      hitShare: options.hitShare,
      import: { lintas: importLintas, baseline: importBaseline },
      checks: { lintas: { atRate: lintasAtRate, flat: lintasFlat }, baseline: { atRate: baselineAtRate, flat: baselineFlat } },
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
