import { Injectable } from '@nestjs/common';
import { canView, type Lesson, type OperationLessons, type SaveLessons } from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionService } from '../../database/transaction.service';
import { AccessService, type OperationAccess } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { LessonsRepository, type LessonsRow } from './lessons.repository';

/**
 * Lessons identified and improvement actions (owner, due date), entered by the lead's commanders
 * for the after-action report and saved with the operation; also after it is closed, which is
 * when they are written. The list is replaced whole, so sending it twice stores it once. The lead
 * agency originates it and its marking decides who reads it, like any marked item.
 */
@Injectable()
export class LessonsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly lessons: LessonsRepository,
    private readonly eventLog: EventLogService,
  ) {}

  get(user: AuthUser, operationId: string): Promise<OperationLessons> {
    return this.transactions.read(async (manager) => this.visible(await this.access.require(user, operationId, manager), manager));
  }

  /** The lessons as the viewer may see them: none when their marking keeps them from it. */
  async visible(access: OperationAccess, manager: EntityManager): Promise<OperationLessons> {
    const row = (await this.lessons.read(manager, access.operationId)) as LessonsRow;
    const lessons = toLessons(access.operationId, row);
    return canView({ marking: row.lessons_marking, originAgencyId: row.lead_agency_id }, access.viewer) ? lessons : { ...lessons, items: [] };
  }

  save(user: AuthUser, operationId: string, input: SaveLessons): Promise<OperationLessons> {
    return this.transactions.run(async (tx) => {
      const access = await this.access.requireLeadCommander(user, operationId, tx.manager);
      const before = await this.lessons.read(tx.manager, operationId, true);
      // Sending the same list again stores it once: no second change, no second event (the attempt is audited).
      const changed = !before || before.lessons_marking !== input.marking || sameOrder(before.lessons) !== sameOrder(input.items);
      if (changed) {
        await this.lessons.replace(tx.manager, operationId, input, user.id);
        const saved = toLessons(operationId, (await this.lessons.read(tx.manager, operationId)) as LessonsRow);
        // Who may read the lessons sees them change live: marked as they are, from the lead agency.
        await this.eventLog.append(tx, {
          operationId,
          data: { type: 'operation.lessons_saved', lessons: saved },
          actor: { userId: user.id, agencyId: user.agencyId },
          marking: input.marking,
          originAgencyId: access.leadAgencyId,
          recipientAgencyIds: [],
        });
      }
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'operation.lessons_save',
        entityType: 'operation',
        entityId: operationId,
        operationId,
        details: { items: input.items.length, marking: input.marking, changed },
      });
      return this.visible(access, tx.manager);
    });
  }
}

function toLessons(operationId: string, row: LessonsRow): OperationLessons {
  return {
    operationId,
    marking: row.lessons_marking,
    items: row.lessons,
    updatedAt: row.lessons_updated_at ? new Date(row.lessons_updated_at).toISOString() : null,
    updatedBy: row.lessons_updated_by,
  };
}

/** A lesson list as text with its fields in one order (jsonb keeps keys in an order of its own). */
function sameOrder(items: readonly Lesson[]): string {
  return JSON.stringify(items.map((item) => [item.lesson, item.action, item.owner, item.dueDate]));
}
