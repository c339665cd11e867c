import { Injectable } from '@nestjs/common';
import type { AddParticipant, OperationParticipant, Site } from '@lintas/contracts';
import { conflict, notFound } from '../../common/app-error';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AccessChangeBus } from '../event-log/access-change-bus';
import { EventLogService } from '../event-log/event-log.service';
import { toSite } from '../sites/site.mapper';
import { SitesRepository } from '../sites/sites.repository';
import { AccessService, type OperationAccess } from '../access/access.service';
import { assertOpen, operationEvent } from './operation-writes';
import { OperationsRepository } from './operations.repository';

/**
 * Who takes part in an operation and which border sites it covers. Only a commander of the lead
 * agency changes them, and not once the operation is closed.
 *
 * Adding an agency that already takes part answers 409, whatever role was asked for: a role
 * changes by removing the agency and adding it again, so that a narrower role always goes
 * through the removal path that closes the agency's live subscriptions.
 */
@Injectable()
export class OperationParticipantsService {
  constructor(
    private readonly operations: OperationsRepository,
    private readonly agencies: AgenciesRepository,
    private readonly sites: SitesRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly eventLog: EventLogService,
    private readonly audit: AuditService,
    private readonly accessChanges: AccessChangeBus,
  ) {}

  async addParticipant(user: AuthUser, operationId: string, input: AddParticipant): Promise<OperationParticipant> {
    return this.transactions.run(async (tx) => {
      const access = await this.lockOpenForLead(tx, user, operationId);
      const agency = await this.agencies.findById(input.agencyId, tx.manager);
      if (!agency) throw notFound('Agency');
      if (!agency.active) throw conflict('agency_inactive', `${agency.code} is deactivated; it cannot join an operation`);
      if (!(await this.operations.addParticipant(tx.manager, operationId, agency.id, input.role))) {
        const role = await this.operations.participantRole(tx.manager, operationId, agency.id);
        throw conflict('already_participant', `${agency.code} already takes part in this operation as ${role}; remove it first to change its role`);
      }
      await this.operations.touch(tx.manager, operationId);
      const participant: OperationParticipant = { agency: { id: agency.id, code: agency.code, name: agency.name }, role: input.role };
      await this.record(tx, user, operationId, 'operation.participant_add', { agencyId: agency.id, agencyCode: agency.code, role: input.role });
      await this.eventLog.appendLast(tx, operationEvent(access, user, { type: 'operation.participant_added', participant }));
      tx.afterCommit(() => this.accessChanges.publish({ kind: 'participant-added', operationId, agencyId: agency.id }));
      return participant;
    });
  }

  /** The agency loses access at once: its live subscriptions are closed after COMMIT. */
  async removeParticipant(user: AuthUser, operationId: string, agencyId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const access = await this.lockOpenForLead(tx, user, operationId);
      const role = await this.operations.participantRole(tx.manager, operationId, agencyId);
      if (!role) throw notFound('Participant');
      if (role === 'lead') throw conflict('lead_cannot_leave', 'The lead agency cannot be removed from its operation');
      await this.operations.removeParticipant(tx.manager, operationId, agencyId);
      await this.operations.touch(tx.manager, operationId);
      await this.record(tx, user, operationId, 'operation.participant_remove', { agencyId, role });
      const agency = await this.agencies.findById(agencyId, tx.manager);
      const ref = agency ? { id: agency.id, code: agency.code, name: agency.name } : undefined;
      await this.eventLog.appendLast(tx, operationEvent(access, user, { type: 'operation.participant_removed', agencyId, ...(ref ? { agency: ref } : {}) }));
      tx.afterCommit(() => this.accessChanges.publish({ kind: 'participant-removed', operationId, agencyId }));
    });
  }

  async attachSite(user: AuthUser, operationId: string, siteId: string): Promise<Site> {
    return this.transactions.run(async (tx) => {
      const access = await this.lockOpenForLead(tx, user, operationId);
      const row = await this.sites.findById(siteId, tx.manager);
      if (!row) throw notFound('Site');
      if (row.retired_at !== null) throw conflict('site_retired', `${row.name} (${row.code}) is retired; it cannot be attached any more`);
      if (!(await this.operations.attachSite(tx.manager, operationId, siteId))) {
        throw conflict('site_already_attached', `${row.name} (${row.code}) is already one of this operation's sites`);
      }
      await this.operations.touch(tx.manager, operationId);
      const site = toSite(row);
      await this.record(tx, user, operationId, 'operation.site_attach', { siteId, siteCode: site.code });
      await this.eventLog.appendLast(tx, operationEvent(access, user, { type: 'operation.site_attached', site }));
      return site;
    });
  }

  async detachSite(user: AuthUser, operationId: string, siteId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const access = await this.lockOpenForLead(tx, user, operationId);
      if (!(await this.operations.detachSite(tx.manager, operationId, siteId))) throw notFound('Site of this operation');
      await this.operations.touch(tx.manager, operationId);
      await this.record(tx, user, operationId, 'operation.site_detach', { siteId });
      await this.eventLog.appendLast(tx, operationEvent(access, user, { type: 'operation.site_detached', siteId }));
    });
  }

  private async lockOpenForLead(tx: WriteTransaction, user: AuthUser, operationId: string): Promise<OperationAccess> {
    await this.operations.lock(tx.manager, operationId);
    const access = await this.access.requireLeadCommander(user, operationId, tx.manager);
    assertOpen(access);
    return access;
  }

  private record(tx: WriteTransaction, user: AuthUser, operationId: string, action: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.recordInTransaction(tx, { userId: user.id, agencyId: user.agencyId, action, entityType: 'operation', entityId: operationId, operationId, details });
  }
}
