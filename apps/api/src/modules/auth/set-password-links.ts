import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SET_PASSWORD_PATH, type SetPasswordLink } from '@lintas/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { WriteTransaction } from '../../database/transaction.service';
import { PasswordTokensRepository } from './password-tokens.repository';

/** The token's hash as stored; the token itself exists only in the one answer that carries the link. */
export function hashSetPasswordToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues one-time set-password links, inside the transaction that creates or resets the account.
 * 32 random bytes: guessing one is hopeless even before the address throttle.
 */
@Injectable()
export class SetPasswordLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: PasswordTokensRepository,
  ) {}

  async issue(tx: WriteTransaction, userId: string, createdBy: string | null): Promise<SetPasswordLink> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.setPasswordTokenTtlHours * 3600_000);
    await this.tokens.replaceForUser(tx.manager, { userId, hash: hashSetPasswordToken(token), expiresAt, createdBy });
    return { path: `${SET_PASSWORD_PATH}?token=${encodeURIComponent(token)}`, token, expiresAt: expiresAt.toISOString() };
  }
}
