import { Injectable } from '@nestjs/common';
import {
  defaultTimeZone,
  canTransition,
  markingVisibility,
  mayCreateOperation,
  type CreateOperation,
  type Operation,
  type OperationRole,
  type OperationStatus,
  type OperationSummary,
  type UpdateOperation,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { badRequest, conflict, notFound } from '../../common/app-error';
import { isUniqueViolation } from '../../common/pg-errors';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { requireRole } from '../auth/roles';
import { EventLogService } from '../event-log/event-log.service';
import { AccessService, type OperationAccess } from '../access/access.service';
import { toOperation, toOperationSummary, toOperationUpdate, type OperationCountsRow } from './operation.mapper';
import { assertOpen, operationEvent } from './operation-writes';
import { OperationsRepository } from './operations.repository';

/** Operations: list, create, read, change fields, move through the status lifecycle. */
@Injectable()
export class OperationsService {
  constructor(
    private readonly operations: OperationsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly eventLog: EventLogService,
    private readonly audit: AuditService,
  ) {}

  /** The operations the caller's agency takes part in, with counts as the caller may see them. */
  async list(user: AuthUser): Promise<OperationSummary[]> {
    const rows = await this.operations.listForAgency(user.agencyId);
    const counts = new Map<string, OperationCountsRow>();
    // One counting query per role the agency holds (at most three): the marking rule depends on it.
    const byRole = new Map<OperationRole, string[]>();
    for (const row of rows) byRole.set(row.my_role, [...(byRole.get(row.my_role) ?? []), row.id]);
    for (const [role, ids] of byRole) {
      const visibility = markingVisibility({ agencyId: user.agencyId, operationRole: role });
      for (const row of await this.operations.countsFor(ids, visibility)) counts.set(row.id, row);
    }
    return rows.map((row) => toOperationSummary(row, row.my_role, counts.get(row.id)));
  }

  /**
   * One operation with its participants and sites; 404 unless the caller's agency takes part.
   * `manager`: read inside the caller's transaction (the snapshot's consistent read).
   */
  async getOperation(user: AuthUser, operationId: string, manager?: EntityManager): Promise<Operation> {
    const access = await this.access.require(user, operationId, manager);
    return this.read(operationId, access.role, manager);
  }

  /** The operation as the caller whose access was already checked (`AccessService.require`) sees it. */
  operationFor(access: OperationAccess, manager?: EntityManager): Promise<Operation> {
    return this.read(access.operationId, access.role, manager);
  }

  async create(user: AuthUser, input: CreateOperation): Promise<Operation> {
    requireRole(user, mayCreateOperation(user), 'commander', 'admin');
    try {
      return await this.transactions.run(async (tx) => {
        const timeZone = input.timeZone ?? defaultTimeZone((await this.agencies.findById(user.agencyId, tx.manager))?.country ?? null);
        const id = await this.operations.insert(tx.manager, { ...input, timeZone }, user.agencyId, user.id);
        const access = await this.access.require(user, id, tx.manager);
        const operation = await this.read(id, 'lead', tx.manager);
        await this.record(tx, user, id, 'operation.create', { operation: { code: operation.code, name: operation.name, exercise: operation.exercise } });
        await this.eventLog.appendLast(tx, operationEvent(access, user, { type: 'operation.updated', operation: toOperationUpdate(operation) }));
        return operation;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('operation_code_taken', `An operation with the code ${input.code} already exists`);
      throw error;
    }
  }

  async update(user: AuthUser, operationId: string, changes: UpdateOperation): Promise<Operation> {
    return this.transactions.run(async (tx) => {
      const access = await this.lockForLead(tx, user, operationId);
      assertOpen(access);
      const before = await this.read(operationId, access.role, tx.manager);
      const startsAt = changes.startsAt === undefined ? before.startsAt : changes.startsAt;
      const endsAt = changes.endsAt === undefined ? before.endsAt : changes.endsAt;
      if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
        throw badRequest('invalid_period', `endsAt (${endsAt}) must be after startsAt (${startsAt})`);
      }
      await this.operations.update(tx.manager, operationId, changes);
      const operation = await this.read(operationId, access.role, tx.manager);
      await this.record(tx, user, operationId, 'operation.update', { changes: Object.keys(changes) });
      await this.eventLog.appendLast(tx, operationEvent(access, user, { type: 'operation.updated', operation: toOperationUpdate(operation) }));
      return operation;
    });
  }

  /** Planned → active → suspended ⇄ active → closed, as `canTransition` in libs/contracts says. */
  async transition(user: AuthUser, operationId: string, status: OperationStatus): Promise<Operation> {
    return this.transactions.run(async (tx) => {
      const access = await this.lockForLead(tx, user, operationId);
      if (!canTransition(access.status, status)) {
        throw conflict('invalid_transition', `An operation cannot go from ${access.status} to ${status}`);
      }
      await this.operations.setStatus(tx.manager, operationId, status);
      const operation = await this.read(operationId, access.role, tx.manager);
      await this.record(tx, user, operationId, 'operation.transition', { from: access.status, to: status });
      await this.eventLog.appendLast(tx, operationEvent(access, user, { type: 'operation.updated', operation: toOperationUpdate(operation) }));
      return operation;
    });
  }

  /** Locks the operation, then checks that the caller is a commander of its lead agency. */
  private async lockForLead(tx: WriteTransaction, user: AuthUser, operationId: string): Promise<OperationAccess> {
    await this.operations.lock(tx.manager, operationId);
    return this.access.requireLeadCommander(user, operationId, tx.manager);
  }

  private async read(operationId: string, myRole: OperationRole, manager?: EntityManager): Promise<Operation> {
    const row = await this.operations.findById(operationId, manager);
    if (!row) throw notFound('Operation');
    // One after the other: inside a transaction both go to the same connection, which runs one query at a time.
    const participants = await this.operations.participants(operationId, manager);
    const sites = await this.operations.sites(operationId, manager);
    return toOperation(row, myRole, participants, sites);
  }

  private record(tx: WriteTransaction, user: AuthUser, operationId: string, action: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.recordInTransaction(tx, { userId: user.id, agencyId: user.agencyId, action, entityType: 'operation', entityId: operationId, operationId, details });
  }
}
