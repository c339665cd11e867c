import { Injectable } from '@nestjs/common';
import { SNAPSHOT_REPORT_LIMIT, toReportSummary, type CompactOperationSnapshot, type OperationSnapshot } from '@lintas/contracts';
import { TransactionService } from '../../database/transaction.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { AccessService } from '../access/access.service';
import { OperationsService } from '../operations/operations.service';
import { ReportsService } from '../reports/reports.service';
import { TeamsService } from '../teams/teams.service';

export { SNAPSHOT_REPORT_LIMIT };

/**
 * Everything needed to draw one operation now, with the event seq it is consistent with. All of
 * it is read in one REPEATABLE READ transaction: no write can land between reading `seq` and
 * reading the rows, so a client that subscribes with `sinceSeq = seq` misses nothing and sees
 * nothing twice.
 */
@Injectable()
export class SnapshotService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly access: AccessService,
    private readonly events: EventLogService,
    private readonly operations: OperationsService,
    private readonly teams: TeamsService,
    private readonly reports: ReportsService,
  ) {}

  /** `reportLimit`: the newest visible reports to carry (at most `SNAPSHOT_REPORT_LIMIT`). */
  async snapshot(user: AuthUser, operationId: string, reportLimit = SNAPSHOT_REPORT_LIMIT): Promise<OperationSnapshot> {
    const snapshot = await this.transactions.read(async (manager) => {
      const access = await this.access.require(user, operationId, manager);
      const seq = await this.events.lastSeq(operationId, manager);
      const operation = await this.operations.operationFor(access, manager);
      const teams = await this.teams.listForOperation(access, manager);
      const reports = reportLimit > 0 ? await this.reports.newestVisible(access, Math.min(reportLimit, SNAPSHOT_REPORT_LIMIT), manager) : [];
      return { operation, teams, reports, seq };
    });
    await this.reports.recordRedReads(user, operationId, snapshot.reports);
    return snapshot;
  }

  /** The compact form of a snapshot: the same reports, each as its summary (what a first screen draws). */
  static compact(snapshot: OperationSnapshot): CompactOperationSnapshot {
    return { ...snapshot, reports: snapshot.reports.map(toReportSummary), compact: true };
  }
}
