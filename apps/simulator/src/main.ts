import { Command } from 'commander';
import { benchCommand } from './cli/bench.command';
import { benchDocumentsCommand } from './cli/bench-documents.command';
import { demoCommand } from './cli/demo.command';
import { simulateCommand } from './cli/simulate.command';
import { listBuiltInScenarios } from './scenario/scenario-loader';

/** The simulator: exercise scenarios (`simulate`), the demo (`demo`) and the benchmark (`bench`). */
const program = new Command('lintas-simulator')
  .description('Scenario player and load generator for Lintas')
  .addCommand(simulateCommand())
  .addCommand(demoCommand())
  .addCommand(benchCommand())
  .addCommand(benchDocumentsCommand())
  .addCommand(
    new Command('scenarios').description('List the built-in scenarios').action(() => {
      for (const name of listBuiltInScenarios()) console.log(name);
    }),
  );

program
  .parseAsync(process.argv)
  // Leave once the command is done, whatever keep-alive connection may linger.
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
