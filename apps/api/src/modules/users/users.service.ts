import { Injectable } from '@nestjs/common';
import { isSelfLockout, mayAdminister, userListScope, type CreateUser, type UpdateUser, type User } from '@lintas/contracts';
import { conflict, forbidden, notFound } from '../../common/app-error';
import { isUniqueViolation } from '../../common/pg-errors';
import { TransactionService } from '../../database/transaction.service';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/passwords';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { requireRole } from '../auth/roles';
import { AccessChangeBus } from '../event-log/access-change-bus';
import { toUser } from './user.mapper';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly accessChanges: AccessChangeBus,
  ) {}

  /** Administrators see every account; commanders see their own agency's; nobody else lists users. */
  async list(user: AuthUser): Promise<User[]> {
    const scope = userListScope(user);
    if (scope === 'all') return (await this.users.list()).map(toUser);
    if (scope === 'own-agency') return (await this.users.list(user.agencyId)).map(toUser);
    throw forbidden('role_required', `Listing users needs the role admin or commander; you are ${user.role}`);
  }

  async create(user: AuthUser, input: CreateUser): Promise<User> {
    requireRole(user, mayAdminister(user), 'admin');
    return this.insert({ userId: user.id, agencyId: user.agencyId }, input);
  }

  /** Without a signed-in administrator: only the demo seeder uses it, for the first administrator. */
  createAsSystem(input: CreateUser): Promise<User> {
    return this.insert({ userId: null, agencyId: null }, input);
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
    const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
    return this.transactions.run(async (tx) => {
      const before = await this.users.findById(id, tx.manager);
      if (!before) throw notFound('User');
      await this.users.update(tx.manager, id, { name: changes.name, role: changes.role, disabled: changes.disabled, passwordHash });
      const disabledNow = changes.disabled === true && !before.disabled;
      if (disabledNow || passwordHash) {
        await this.refreshTokens.revokeAllForUser(tx.manager, id);
        const reason = disabledNow ? 'Your account has been disabled' : 'Your password was changed; sign in again';
        tx.afterCommit(() => this.accessChanges.publish({ kind: 'user-signed-out', userId: id, reason }));
      } else if (changes.role !== undefined && changes.role !== before.role) {
        const role = changes.role;
        tx.afterCommit(() => this.accessChanges.publish({ kind: 'user-role-changed', userId: id, role }));
      }
      const { password: _password, ...logged } = changes;
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        details: { changes: { ...logged, ...(passwordHash ? { password: '(changed)' } : {}) } },
      });
      const after = await this.users.findById(id, tx.manager);
      return toUser(after!);
    });
  }

  private async insert(actor: { userId: string | null; agencyId: string | null }, input: CreateUser): Promise<User> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.transactions.run(async (tx) => {
        if (!(await this.agencies.findById(input.agencyId, tx.manager))) throw notFound('Agency');
        const id = await this.users.insert(tx.manager, { email: input.email, name: input.name, role: input.role, agencyId: input.agencyId, passwordHash });
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
