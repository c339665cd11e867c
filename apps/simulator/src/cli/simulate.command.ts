import { Command } from 'commander';
import { DEFAULT_DEMO_PASSWORD } from './defaults';
import { requireLocalUrl } from '../harness/local-url';
import { PlayRefused } from '../player/operation-target';
import { playScenario } from '../player/scenario-player';
import { listBuiltInScenarios, loadScenario, ScenarioError } from '../scenario/scenario-loader';
import { planScenario } from '../scenario/scenario-plan';
import { numberIn, secondsIn } from './options';
import { stopOnSigint } from './sigint';

export function simulateCommand(): Command {
  return new Command('simulate')
    .description('Play an exercise scenario against a running Lintas, through its public API, as field teams would')
    .requiredOption('-s, --scenario <name|file>', `a built-in scenario (${listBuiltInScenarios().join(', ')}) or a JSON/YAML file`)
    .option('--speed <factor>', 'scenario seconds per real second', numberIn(0.1, 1000), 1)
    .option('--url <url>', 'where Lintas runs (localhost only)', 'http://localhost:3000')
    .option('--operation <code>', "the operation to drive, instead of the scenario's")
    .option('--allow-live', 'also drive an operation that is not an exercise', false)
    .option('--password <password>', 'password of the scenario accounts (default: $DEMO_PASSWORD or the demo password)')
    .option('--laps <count>', 'play the scenario this many times in a row', numberIn(1, 1000, true), 1)
    .option('--summary-every <seconds>', 'real seconds between summary lines', secondsIn(1, 3600), 10)
    .action(async (options: SimulateOptions) => {
      process.exitCode = await runSimulate(options);
    });
}

export interface SimulateOptions {
  scenario: string;
  speed: number;
  url: string;
  operation?: string;
  allowLive: boolean;
  password?: string;
  laps: number;
  summaryEvery: number;
}

/** 0 when played (or stopped with Ctrl-C), 1 when it failed, 2 when the scenario or the target was refused. */
export async function runSimulate(options: SimulateOptions, log: (line: string) => void = console.log): Promise<number> {
  let plan;
  try {
    const url = requireLocalUrl(options.url, '--url');
    const { scenario, source } = loadScenario(options.scenario);
    plan = planScenario(scenario);
    log(`scenario ${scenario.name} (${source})`);
    const stop = stopOnSigint(log);
    try {
      const result = await playScenario(plan, {
        url,
        password: options.password ?? process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
        speed: options.speed,
        operationCode: options.operation,
        allowLive: options.allowLive,
        laps: options.laps,
        summaryEveryMs: options.summaryEvery * 1000,
        signal: stop.signal,
        log,
      });
      log(result.completed ? 'scenario complete' : 'stopped');
      return 0;
    } finally {
      stop.dispose();
    }
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof PlayRefused) {
      console.error(error.message);
      return 2;
    }
    console.error(`simulate failed: ${(error as Error).message}`);
    return 1;
  }
}
