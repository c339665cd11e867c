import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config';
import { formatDemoAccounts } from './modules/demo/demo-accounts';
import { DemoSeeder } from './modules/demo/demo-seeder.service';

/**
 * Work done once at start, after migrations and before serving: in demo mode, the demo data
 * (idempotent) and the printed demo accounts. Feature modules register their tasks here.
 */
export async function runStartupTasks(app: INestApplication, config: AppConfig, log: Logger): Promise<void> {
  if (!config.demo.enabled) return;
  const result = await app.get(DemoSeeder).seed(config.demo.password);
  log.info({ created: result.created }, 'demo data ready');
  console.log(formatDemoAccounts(result.accounts, config.demo.password));
}
