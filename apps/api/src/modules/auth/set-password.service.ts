import { Injectable } from '@nestjs/common';
import type { SetPasswordRequest, SetPasswordResponse } from '@lintas/contracts';
import { badRequest } from '../../common/app-error';
import { TransactionService } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import { AccessChangeBus } from '../event-log/access-change-bus';
import { UsersRepository } from '../users/users.repository';
import type { ClientInfo } from './auth.service';
import { hashPassword } from './passwords';
import { PasswordTokensRepository } from './password-tokens.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { hashSetPasswordToken } from './set-password-links';
import { SetPasswordThrottle } from './set-password-throttle';

const LINK_INVALID = 'This set-password link is not valid any more (expired, already used or replaced by a newer one); ask your administrator for a new one';

/**
 * `POST /api/auth/set-password`: the holder of a one-time link chooses the account's password.
 * Unknown, used, replaced and expired tokens get one answer (nothing to learn by guessing);
 * the token is used and the password set in one transaction, with the row locked, so a link
 * works once even when sent twice at the same moment. Every sign-in of the account ends.
 */
@Injectable()
export class SetPasswordService {
  constructor(
    private readonly tokens: PasswordTokensRepository,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly transactions: TransactionService,
    private readonly throttle: SetPasswordThrottle,
    private readonly audit: AuditService,
    private readonly accessChanges: AccessChangeBus,
  ) {}

  async setPassword(request: SetPasswordRequest, client: ClientInfo): Promise<SetPasswordResponse> {
    const ip = client.ip ?? 'unknown';
    await this.throttle.assertAllowed(ip);
    const tokenHash = hashSetPasswordToken(request.token);
    // A guess costs one indexed look-up, not an Argon2id hash; the locked re-check below decides.
    const outcome = !(await this.tokens.usable(tokenHash)) ? null : await this.apply(tokenHash, request.password, ip);
    if (!outcome) {
      await this.audit.record({ userId: null, agencyId: null, action: 'auth.set_password_failed', entityType: 'user', ip });
      throw badRequest('set_password_link_invalid', LINK_INVALID);
    }
    await this.throttle.recordSuccess(ip);
    return outcome;
  }

  private async apply(tokenHash: string, password: string, ip: string): Promise<SetPasswordResponse | null> {
    // Hashed before the transaction: Argon2id takes tens of milliseconds, no lock should wait for it.
    const passwordHash = await hashPassword(password);
    return this.transactions.run(async (tx) => {
      const token = await this.tokens.findByHashForUpdate(tx.manager, tokenHash);
      if (!token || token.used_at !== null || token.expires_at.getTime() <= Date.now()) return null;
      const user = await this.users.findById(token.user_id, tx.manager);
      if (!user) return null;
      await this.tokens.markUsed(tx.manager, token.id);
      await this.users.setPasswordHash(tx.manager, user.id, passwordHash);
      await this.refreshTokens.revokeAllForUser(tx.manager, user.id);
      tx.afterCommit(() => this.accessChanges.publish({ kind: 'user-signed-out', userId: user.id, reason: 'Your password was changed; sign in again' }));
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agency_id,
        action: 'auth.password_set',
        entityType: 'user',
        entityId: user.id,
        ip,
      });
      return { email: user.email };
    });
  }
}
