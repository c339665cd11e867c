import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from './clock';
import { RetentionRepository, type ErasedCounts } from './retention.repository';

const DAY_MS = 86_400_000;
/** The rule is a matter of days: checking a few times a day is enough. */
const EVERY_MS = 6 * 3_600_000;

export interface RetentionRun {
  at: string;
  cutoff: string;
  /** False when another instance was running the rule at the same moment. */
  ran: boolean;
  operations: Array<{ id: string; code: string } & ErasedCounts>;
}

/**
 * The retention rule (`RETENTION_DAYS_AFTER_CLOSE`, default 90): for every operation closed longer
 * than that, erase the document-check hashes and redact the free-text narratives and reasons
 * (reports, their history, the event log), keeping counts, figures and the structure of the record.
 * Each run leaves an audit entry, even when it had nothing to do. Runs at start and every 6 hours.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(RetentionService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly repository: RetentionRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.env === 'test') return; // integration specs call `run` themselves
    const tick = () => void this.run().catch((error: unknown) => this.log.error(`retention run failed: ${error instanceof Error ? error.message : String(error)}`));
    this.timer = setInterval(tick, EVERY_MS);
    this.timer.unref();
    setTimeout(tick, 5_000).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<RetentionRun> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.retentionDaysAfterClose * DAY_MS);
    return this.repository.dataSource.transaction('READ COMMITTED', async (manager) => {
      if (!(await this.repository.tryLock(manager))) return { at: now.toISOString(), cutoff: cutoff.toISOString(), ran: false, operations: [] };
      const due = await this.repository.operationsDue(manager, cutoff);
      const operations: RetentionRun['operations'] = [];
      for (const operation of due) operations.push({ ...operation, ...(await this.repository.erase(manager, operation.id, now)) });
      await this.audit.recordInTransaction(
        { manager, afterCommit: () => undefined },
        {
          userId: null,
          agencyId: null,
          action: 'retention.run',
          entityType: 'retention',
          details: { at: now.toISOString(), cutoff: cutoff.toISOString(), daysAfterClose: this.config.retentionDaysAfterClose, operations },
        },
      );
      return { at: now.toISOString(), cutoff: cutoff.toISOString(), ran: true, operations };
    });
  }
}
