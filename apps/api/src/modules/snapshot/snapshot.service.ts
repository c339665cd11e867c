import { Injectable } from '@nestjs/common';
import type { OperationSnapshot } from '@lintas/contracts';
import { TransactionService } from '../../database/transaction.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { AccessService } from '../access/access.service';
import { OperationsService } from '../operations/operations.service';
import { ReportsService } from '../reports/reports.service';
import { TeamsService } from '../teams/teams.service';

/** The newest reports a snapshot carries; older ones come from `GET /operations/:id/reports`. */
export const SNAPSHOT_REPORT_LIMIT = 5000;

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

  async snapshot(user: AuthUser, operationId: string): Promise<OperationSnapshot> {
    const snapshot = await this.transactions.read(async (manager) => {
      const access = await this.access.require(user, operationId, manager);
      const seq = await this.events.lastSeq(operationId, manager);
      const operation = await this.operations.getOperation(user, operationId, manager);
      const teams = await this.teams.listForOperation(access, manager);
      const reports = await this.reports.newestVisible(access, SNAPSHOT_REPORT_LIMIT, manager);
      return { operation, teams, reports, seq };
    });
    await this.reports.recordRedReads(user, operationId, snapshot.reports);
    return snapshot;
  }
}
