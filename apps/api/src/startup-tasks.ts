import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from './config/config';

/**
 * Work done once at start, after migrations and before serving: in demo mode, the demo data
 * (idempotent) and the printed demo accounts. Feature modules register their tasks here.
 */
export async function runStartupTasks(app: INestApplication, config: AppConfig, log: Logger): Promise<void> {
  if (!config.demo.enabled) return;
  log.info('demo mode: no demo data module is installed yet');
  void app;
}
