import { Command } from 'commander';
import { healthy, startApiLikeNpmStart } from '../harness/api-process';
import { playScenario } from '../player/scenario-player';
import { loadScenario } from '../scenario/scenario-loader';
import { planScenario } from '../scenario/scenario-plan';
import { DEFAULT_DEMO_PASSWORD } from './defaults';
import { numberIn } from './options';
import { stopOnSigint } from './sigint';

interface DemoOptions {
  scenario: string;
  speed: number;
  laps: number;
}

/**
 * `npm run demo`: Lintas with its demo data, and a scenario played against the demo exercise in a
 * loop, so that a newcomer who signs in sees teams moving and reports arriving. Ctrl-C stops both.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description('Start Lintas with its demo data and play a scenario against the demo exercise in a loop')
    .option('-s, --scenario <name|file>', 'the scenario to loop', 'southern-land-border')
    .option('--speed <factor>', 'scenario seconds per real second', numberIn(0.1, 1000), 5)
    .option('--laps <count>', 'stop after this many laps', numberIn(1, 10_000, true), 500)
    .action(async (options: DemoOptions) => {
      process.exitCode = await runDemo(options);
    });
}

async function runDemo(options: DemoOptions): Promise<number> {
  const log = (line: string) => console.log(`[demo] ${line}`);
  const port = process.env.PORT ?? '3000';
  const url = `http://127.0.0.1:${port}`;
  const plan = planScenario(loadScenario(options.scenario).scenario);
  const stop = stopOnSigint(log);
  let api: Awaited<ReturnType<typeof startApiLikeNpmStart>> | null = null;
  try {
    if (await healthy(url)) {
      log(`Lintas already answers at ${url}: playing against it`);
    } else {
      log('starting Lintas (node apps/api/dist/main.js) with its demo data…');
      // Demo data is on by default outside production; the accounts are printed by the API.
      // Request logs would drown the play's lines: warnings only, unless LOG_LEVEL says otherwise.
      api = await startApiLikeNpmStart(url, { ...process.env, PORT: port, DEMO_DATA: process.env.DEMO_DATA ?? 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
    }
    if (stop.signal.aborted) return 0;
    log(`open http://localhost:${port} and sign in (e.g. commander@th-rtp.demo) to watch ${plan.scenario.operation}; Ctrl-C stops the demo`);
    await playScenario(plan, {
      url,
      password: process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
      speed: options.speed,
      allowLive: false,
      laps: options.laps,
      summaryEveryMs: 15_000,
      signal: stop.signal,
      log,
    });
    return 0;
  } catch (error) {
    console.error(`demo failed: ${(error as Error).message}`);
    return 1;
  } finally {
    if (api) {
      log('stopping Lintas…');
      await api.stop();
    }
    stop.dispose();
  }
}
