import { Injectable } from '@nestjs/common';
import { markingVisibility, type EventLogPage, type EventLogQuery } from '@lintas/contracts';
import { TransactionService } from '../../database/transaction.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { AccessService } from '../access/access.service';

/** The operation event log over REST: the catch-up a client does without a socket. */
@Injectable()
export class OperationEventsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly access: AccessService,
    private readonly events: EventLogService,
  ) {}

  /**
   * Visible events after `sinceSeq`, in seq order. `nextSeq` is set when more visible events
   * follow this page; `lastSeq` is read in the same transaction, so it is never behind the items.
   */
  list(user: AuthUser, operationId: string, query: EventLogQuery): Promise<EventLogPage> {
    return this.transactions.read(async (manager) => {
      const access = await this.access.require(user, operationId, manager);
      const lastSeq = await this.events.lastSeq(operationId, manager);
      const found = await this.events.listSince(operationId, query.sinceSeq, markingVisibility(access.viewer), query.limit + 1, manager);
      const items = found.slice(0, query.limit);
      const more = found.length > query.limit;
      return { items, nextSeq: more ? items[items.length - 1].seq : null, lastSeq };
    });
  }
}
