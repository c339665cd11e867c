import { Injectable } from '@nestjs/common';
import { canView, mayPostInThread, type PostMessage, type ThreadMessage, type ThreadSubject } from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { TransactionService } from '../../database/transaction.service';
import { AccessService, type OperationAccess } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { markedRow } from './tasks.service';
import { TaskingRepository } from './tasking.repository';
import { ThreadsRepository, type MessageRow } from './threads.repository';

interface SubjectStanding {
  access: OperationAccess;
  marking: ReturnType<typeof markedRow>;
}

/**
 * The message threads of tasks and requests. A thread is exactly as visible as its subject: the
 * subject is looked up under the marking rule first (404 when hidden), and each message's event is
 * marked like the subject, so the live feed and the catch-up send it to the subject's audience only.
 */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly threads: ThreadsRepository,
    private readonly tasking: TaskingRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly events: EventLogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, operationId: string, subject: ThreadSubject, subjectId: string): Promise<ThreadMessage[]> {
    await this.standing(user, operationId, subject, subjectId);
    return (await this.threads.list(subject, subjectId)).map(toMessage);
  }

  /** Idempotent by `clientId`: the field outbox's resend stores the message once. */
  async post(user: AuthUser, operationId: string, subject: ThreadSubject, subjectId: string, input: PostMessage): Promise<{ message: ThreadMessage; created: boolean }> {
    const existing = await this.threads.findByClientId(input.clientId);
    if (existing) {
      if (existing.author_user_id !== user.id || existing.subject_id !== subjectId) {
        throw conflict('client_id_taken', 'This clientId already identifies another message; generate a new one');
      }
      return { message: toMessage(existing), created: false };
    }
    return this.transactions.run(async (tx) => {
      const { access, marking } = await this.standing(user, operationId, subject, subjectId, tx.manager);
      this.access.assertWriter(user, access);
      if (!mayPostInThread(user, access.role)) throw forbidden('liaison_read_only', 'Liaison accounts are read-only');
      const id = await this.threads.insert(tx.manager, { clientId: input.clientId, operationId, subject, subjectId, authorUserId: user.id, body: input.body, at: this.clock.now().toISOString() });
      if (id === null) throw conflict('client_id_in_flight', 'The same message is being stored by another request; retry');
      const row = (await this.threads.findById(id, tx.manager))!;
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'thread.post',
        entityType: subject === 'task' ? 'task' : 'agency_request',
        entityId: subjectId,
        operationId,
        details: { clientId: input.clientId, messageId: id },
      });
      const message = toMessage(row);
      await this.events.appendLast(tx, {
        operationId,
        actor: { userId: user.id, agencyId: user.agencyId },
        marking: marking.marking,
        originAgencyId: marking.originAgencyId,
        recipientAgencyIds: marking.recipientAgencyIds,
        data: { type: 'thread.message', message },
      });
      return { message, created: true };
    });
  }

  private async standing(user: AuthUser, operationId: string, subject: ThreadSubject, subjectId: string, manager?: EntityManager): Promise<SubjectStanding> {
    const row = subject === 'task' ? await this.tasking.findTask(subjectId, manager) : await this.tasking.findRequest(subjectId, manager);
    const what = subject === 'task' ? 'Task' : 'Request';
    if (!row || row.operation_id !== operationId) throw notFound(what);
    const access = await this.access.require(user, operationId, manager).catch((error: unknown) => {
      throw error instanceof AppError && error.status === 404 ? notFound(what) : error;
    });
    const marking = markedRow(row);
    if (!canView(marking, access.viewer)) throw notFound(what);
    return { access, marking };
  }
}

function toMessage(row: MessageRow): ThreadMessage {
  return {
    id: row.id,
    clientId: row.client_id,
    operationId: row.operation_id,
    subject: row.subject,
    subjectId: row.subject_id,
    authorUserId: row.author_user_id,
    authorName: row.author_name,
    agencyCode: row.agency_code,
    body: row.body,
    at: new Date(row.at).toISOString(),
  };
}
