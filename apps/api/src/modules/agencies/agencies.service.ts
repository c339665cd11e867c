import { Injectable } from '@nestjs/common';
import { mayAdminister, type Agency, type CreateAgency, type UpdateAgency } from '@lintas/contracts';
import { conflict, notFound } from '../../common/app-error';
import { isUniqueViolation } from '../../common/pg-errors';
import { TransactionService } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { requireRole } from '../auth/roles';
import { AccessChangeBus } from '../event-log/access-change-bus';
import { AgenciesRepository } from './agencies.repository';
import { toAgency } from './agency.mapper';

/**
 * Agencies are reference data: every signed-in user may list them (to name TLP:RED recipients and
 * pick participants); only administrators change them.
 */
@Injectable()
export class AgenciesService {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly accessChanges: AccessChangeBus,
  ) {}

  async list(): Promise<Agency[]> {
    return (await this.agencies.list()).map(toAgency);
  }

  async get(id: string): Promise<Agency> {
    const row = await this.agencies.findById(id);
    if (!row) throw notFound('Agency');
    return toAgency(row);
  }

  async create(user: AuthUser, input: CreateAgency): Promise<Agency> {
    requireRole(user, mayAdminister(user), 'admin');
    return this.insert({ userId: user.id, agencyId: user.agencyId }, input);
  }

  /**
   * Without a signed-in administrator: only the demo seeder uses it, to make the first agency
   * (the one its administrator belongs to). The audit row names no user.
   */
  createAsSystem(input: CreateAgency): Promise<Agency> {
    return this.insert({ userId: null, agencyId: null }, input);
  }

  /**
   * `active: false` deactivates the agency: its accounts' sign-ins end in the same transaction
   * (their open sockets are closed after COMMIT) and they cannot sign in until it is reactivated.
   * Its history stays: operations it took part in keep it as a participant.
   */
  async update(user: AuthUser, id: string, changes: UpdateAgency): Promise<Agency> {
    requireRole(user, mayAdminister(user), 'admin');
    if (changes.active === false && id === user.agencyId) {
      throw conflict('self_lockout', 'You cannot deactivate your own agency: you would lock yourself out');
    }
    return this.guardCode(changes.code, () =>
      this.transactions.run(async (tx) => {
        const before = await this.agencies.findById(id, tx.manager);
        if (!before) throw notFound('Agency');
        const row = await this.agencies.update(tx.manager, id, changes);
        if (!row) throw notFound('Agency');
        const deactivatedNow = before.active && !row.active;
        if (deactivatedNow) {
          const userIds = await this.agencies.userIds(tx.manager, id);
          for (const userId of userIds) await this.refreshTokens.revokeAllForUser(tx.manager, userId);
          tx.afterCommit(() => {
            for (const userId of userIds) this.accessChanges.publish({ kind: 'user-signed-out', userId, reason: 'Your agency has been deactivated in Lintas' });
          });
        }
        await this.audit.recordInTransaction(tx, {
          userId: user.id,
          agencyId: user.agencyId,
          action: deactivatedNow ? 'agency.deactivate' : before.active !== row.active ? 'agency.reactivate' : 'agency.update',
          entityType: 'agency',
          entityId: id,
          details: { before: toAgency(before), changes },
        });
        return toAgency(row);
      }),
    );
  }

  private insert(actor: { userId: string | null; agencyId: string | null }, input: CreateAgency): Promise<Agency> {
    return this.guardCode(input.code, () =>
      this.transactions.run(async (tx) => {
        const row = await this.agencies.insert(tx.manager, input);
        await this.audit.recordInTransaction(tx, { ...actor, action: 'agency.create', entityType: 'agency', entityId: row.id, details: { agency: toAgency(row) } });
        return toAgency(row);
      }),
    );
  }

  /** The code is unique: a second agency with it answers 409, not a database error. */
  private async guardCode<T>(code: string | undefined, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('agency_code_taken', `An agency with the code ${code} already exists`);
      throw error;
    }
  }
}
