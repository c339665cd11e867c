import { Injectable } from '@nestjs/common';
import {
  isSelfLockout,
  mayAdminister,
  userListScope,
  type CreateUser,
  type UpdateUser,
  type User,
  type UserWithSetPasswordLink,
} from '@lintas/contracts';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { isUniqueViolation } from '../../common/pg-errors';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/passwords';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { requireRole } from '../auth/roles';
import { SetPasswordLinks } from '../auth/set-password-links';
import { AccessChangeBus } from '../event-log/access-change-bus';
import { toUser } from './user.mapper';
import { UsersRepository } from './users.repository';

/**
 * Accounts. Nobody ever sees another person's password: a new or reset account gets a one-time
 * set-password link, shown once to the administrator, and its holder chooses the password.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly accessChanges: AccessChangeBus,
    private readonly links: SetPasswordLinks,
  ) {}

  /** Administrators see every account; commanders see their own agency's; nobody else lists users. */
  async list(user: AuthUser): Promise<User[]> {
    const scope = userListScope(user);
    if (scope === 'all') return (await this.users.list()).map(toUser);
    if (scope === 'own-agency') return (await this.users.list(user.agencyId)).map(toUser);
    throw forbidden('role_required', `Listing users needs the role admin or commander; you are ${user.role}`);
  }

  /** The account has no password until its holder opens the link the answer carries. */
  async create(user: AuthUser, input: CreateUser): Promise<UserWithSetPasswordLink> {
    requireRole(user, mayAdminister(user), 'admin');
    let link: UserWithSetPasswordLink['setPassword'] | null = null;
    const created = await this.insert({ userId: user.id, agencyId: user.agencyId }, input, null, async (tx, id) => {
      link = await this.links.issue(tx, id, user.id);
    });
    return { user: created, setPassword: link! };
  }

  /**
   * Demo data only (the seeder): the demo accounts share the published demo password. `actor` is
   * null for the first administrator, who has nobody to create it.
   */
  async createWithPassword(actor: AuthUser | null, input: CreateUser, password: string): Promise<User> {
    return this.insert({ userId: actor?.id ?? null, agencyId: actor?.agencyId ?? null }, input, await hashPassword(password));
  }

  /**
   * Disabling an account revokes all its refresh tokens in the same transaction (its access tokens
   * stop working at once, because every request checks the account), and tells the realtime
   * gateway after COMMIT so that its sockets are closed.
   */
  async update(user: AuthUser, id: string, changes: UpdateUser): Promise<User> {
    requireRole(user, mayAdminister(user), 'admin');
    if (isSelfLockout(user, id, changes)) {
      throw conflict('self_lockout', 'You cannot disable your own account or take away your own administrator role');
    }
    return this.transactions.run(async (tx) => {
      const before = await this.users.findById(id, tx.manager);
      if (!before) throw notFound('User');
      await this.users.update(tx.manager, id, { name: changes.name, role: changes.role, disabled: changes.disabled });
      const disabledNow = changes.disabled === true && !before.disabled;
      const enabledNow = changes.disabled === false && before.disabled;
      if (disabledNow) {
        await this.refreshTokens.revokeAllForUser(tx.manager, id);
        tx.afterCommit(() => this.accessChanges.publish({ kind: 'user-signed-out', userId: id, reason: 'Your account has been disabled' }));
      } else if (changes.role !== undefined && changes.role !== before.role) {
        const role = changes.role;
        tx.afterCommit(() => this.accessChanges.publish({ kind: 'user-role-changed', userId: id, role }));
      }
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: disabledNow ? 'user.disable' : enabledNow ? 'user.enable' : 'user.update',
        entityType: 'user',
        entityId: id,
        details: { changes },
      });
      return toUser((await this.users.findById(id, tx.manager))!);
    });
  }

  /**
   * Forgets the account's password and ends its sign-ins; the answer carries a new one-time link
   * (the earlier ones stop working). The account cannot sign in until its holder uses the link.
   */
  async resetPassword(user: AuthUser, id: string): Promise<UserWithSetPasswordLink> {
    requireRole(user, mayAdminister(user), 'admin');
    if (id === user.id) throw conflict('self_lockout', 'You cannot reset your own password here: you would lock yourself out');
    return this.transactions.run(async (tx) => {
      const before = await this.users.findById(id, tx.manager);
      if (!before) throw notFound('User');
      await this.users.setPasswordHash(tx.manager, id, null);
      await this.refreshTokens.revokeAllForUser(tx.manager, id);
      tx.afterCommit(() => this.accessChanges.publish({ kind: 'user-signed-out', userId: id, reason: 'Your password was reset by an administrator' }));
      const setPassword = await this.links.issue(tx, id, user.id);
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'user.password_reset',
        entityType: 'user',
        entityId: id,
        details: { linkExpiresAt: setPassword.expiresAt },
      });
      return { user: toUser((await this.users.findById(id, tx.manager))!), setPassword };
    });
  }

  private async insert(
    actor: { userId: string | null; agencyId: string | null },
    input: CreateUser,
    passwordHash: string | null,
    alsoInTransaction?: (tx: WriteTransaction, id: string) => Promise<void>,
  ): Promise<User> {
    try {
      return await this.transactions.run(async (tx) => {
        const agency = await this.agencies.findById(input.agencyId, tx.manager);
        if (!agency) throw notFound('Agency');
        if (!agency.active) throw conflict('agency_inactive', `${agency.code} is deactivated; reactivate it before adding accounts`);
        const id = await this.users.insert(tx.manager, { email: input.email, name: input.name, role: input.role, agencyId: input.agencyId, passwordHash });
        await alsoInTransaction?.(tx, id);
        await this.audit.recordInTransaction(tx, {
          ...actor,
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          details: { email: input.email, role: input.role, agencyId: input.agencyId },
        });
        const row = await this.users.findById(id, tx.manager);
        return toUser(row!);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('email_taken', `An account with the e-mail ${input.email} already exists`);
      throw error;
    }
  }
}
