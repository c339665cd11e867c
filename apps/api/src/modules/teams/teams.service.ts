import { Inject, Injectable } from '@nestjs/common';
import {
  canView,
  markingVisibility,
  mayChangeTeam,
  mayDeployTeam,
  postForTeamRefusal,
  type CreateTeam,
  type Team,
  type TeamStatus,
  type UpdateTeam,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { isUniqueViolation } from '../../common/pg-errors';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { AccessService, type OperationAccess } from '../access/access.service';
import { toTeam, type TeamRow } from './team.mapper';
import { TeamsRepository } from './teams.repository';

/**
 * Deployed teams. A team belongs to one agency (its creator's), carries its own handling marking,
 * and is changed only by that agency: its commanders, and for the status also its field members.
 */
@Injectable()
export class TeamsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly teams: TeamsRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly eventLog: EventLogService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The teams this viewer may see under the handling-marking rule (also used by the snapshot,
   * which passes the `manager` of its consistent read transaction).
   */
  async listForOperation(access: OperationAccess, manager?: EntityManager): Promise<Team[]> {
    const rows = await this.teams.listVisible(access.operationId, markingVisibility(access.viewer), manager);
    const now = Date.now();
    return rows.map((row) => toTeam(row, this.config.positionStaleSeconds, now));
  }

  async list(user: AuthUser, operationId: string): Promise<Team[]> {
    return this.listForOperation(await this.access.require(user, operationId));
  }

  /** A commander of a lead or participating agency; the team belongs to the commander's agency. */
  async create(user: AuthUser, operationId: string, input: CreateTeam): Promise<Team> {
    try {
      return await this.transactions.run(async (tx) => {
        await this.lockOperation(tx, operationId);
        const access = await this.access.requireWriter(user, operationId, tx.manager);
        if (!mayDeployTeam(user)) throw forbidden('commander_required', `Only a commander may deploy a team; you are ${user.role}`);
        await this.checkReferences(tx, access, user.agencyId, input);
        const id = await this.teams.insert(tx.manager, operationId, user.agencyId, input);
        await this.teams.replaceMembers(tx.manager, id, input.memberUserIds);
        const team = await this.reread(tx, id);
        await this.record(tx, user, team, 'team.create', { callSign: team.callSign, memberUserIds: input.memberUserIds });
        await this.append(tx, user, team, 'team.created');
        return team;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('call_sign_taken', `The call sign ${input.callSign} is already used in this operation`);
      throw error;
    }
  }

  /** A commander of the team's agency. */
  async update(user: AuthUser, teamId: string, changes: UpdateTeam): Promise<Team> {
    try {
      return await this.transactions.run(async (tx) => {
        const { before, access } = await this.openTeam(tx, user, teamId);
        if (!mayChangeTeam(user, { agencyId: before.agency_id })) {
          throw forbidden('team_commander_required', `Only a commander of ${before.agency_code} may change this team`);
        }
        await this.checkReferences(tx, access, before.agency_id, { memberUserIds: changes.memberUserIds, siteId: changes.siteId });
        const { memberUserIds, ...fields } = changes;
        await this.teams.update(tx.manager, teamId, fields);
        if (memberUserIds) await this.teams.replaceMembers(tx.manager, teamId, memberUserIds);
        const team = await this.reread(tx, teamId);
        await this.record(tx, user, team, 'team.update', { changes });
        await this.append(tx, user, team, 'team.updated');
        return team;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('call_sign_taken', `The call sign ${changes.callSign} is already used in this operation`);
      throw error;
    }
  }

  /** A field member of the team, or a commander of its agency. */
  async setStatus(user: AuthUser, teamId: string, status: TeamStatus): Promise<Team> {
    return this.transactions.run(async (tx) => {
      const { before } = await this.openTeam(tx, user, teamId);
      // The same rule as posting a report or a position for the team.
      const refusal = postForTeamRefusal(user, { agencyId: before.agency_id, isMember: before.members.some((m) => m.userId === user.id) });
      if (refusal) throw forbidden(refusal, `Only a member of ${before.call_sign} or a commander of ${before.agency_code} may set its status`);
      await this.teams.setStatus(tx.manager, teamId, status);
      const team = await this.reread(tx, teamId);
      await this.record(tx, user, team, 'team.status', { from: before.status, to: status });
      await this.append(tx, user, team, 'team.updated');
      return team;
    });
  }

  /**
   * Finds the team for a write: 404 unless the caller may see it (its operation and its marking),
   * then the operation must accept writes from the caller.
   */
  private async openTeam(tx: WriteTransaction, user: AuthUser, teamId: string): Promise<{ before: TeamRow; access: OperationAccess }> {
    const found = await this.teams.findById(teamId, tx.manager);
    if (!found) throw notFound('Team');
    await this.lockOperation(tx, found.operation_id);
    const before = (await this.teams.findById(teamId, tx.manager))!;
    const access = await this.access.require(user, before.operation_id, tx.manager);
    if (!canView({ marking: before.marking, originAgencyId: before.agency_id, recipientAgencyIds: before.recipient_agency_ids }, access.viewer)) {
      throw notFound('Team');
    }
    await this.access.requireWriter(user, before.operation_id, tx.manager);
    return { before, access };
  }

  /** Members must be enabled accounts of the team's agency; the site must exist; TLP:RED recipients must take part. */
  private async checkReferences(
    tx: WriteTransaction,
    access: OperationAccess,
    agencyId: string,
    input: { memberUserIds?: string[]; siteId?: string | null; marking?: CreateTeam['marking']; recipientAgencyIds?: string[] },
  ): Promise<void> {
    if (input.memberUserIds?.length) await this.access.assertTeamMembers(agencyId, input.memberUserIds, tx.manager);
    if (input.siteId) await this.access.assertSiteExists(input.siteId, tx.manager);
    if (input.marking !== undefined) await this.access.checkRecipients(access.operationId, input.marking, input.recipientAgencyIds ?? [], tx.manager);
  }

  /** Checks made after the lock (status, membership, call sign) still hold at COMMIT. */
  private lockOperation(tx: WriteTransaction, operationId: string): Promise<void> {
    return this.teams.lockOperation(tx.manager, operationId);
  }

  private async reread(tx: WriteTransaction, teamId: string): Promise<Team> {
    return toTeam((await this.teams.findById(teamId, tx.manager))!, this.config.positionStaleSeconds);
  }

  /** Team events carry the team's own marking: viewers who may not see the team never get them. */
  private async append(tx: WriteTransaction, user: AuthUser, team: Team, type: 'team.created' | 'team.updated'): Promise<void> {
    await this.eventLog.appendLast(tx, {
      operationId: team.operationId,
      data: { type, team },
      actor: { userId: user.id, agencyId: user.agencyId },
      marking: team.marking,
      originAgencyId: team.agency.id,
      recipientAgencyIds: team.recipientAgencyIds,
    });
  }

  private record(tx: WriteTransaction, user: AuthUser, team: Team, action: string, details: Record<string, unknown>): Promise<void> {
    return this.audit.recordInTransaction(tx, {
      userId: user.id,
      agencyId: user.agencyId,
      action,
      entityType: 'team',
      entityId: team.id,
      operationId: team.operationId,
      details,
    });
  }
}
