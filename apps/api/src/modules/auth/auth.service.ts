import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginRequest, LoginResponse, SessionResponse, User } from '@lintas/contracts';
import { AppError, unauthorized } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionService } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import { AccessChangeBus } from '../event-log/access-change-bus';
import { accountUsable, toUser, type UserRow } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import { accessTokenClaims, type AccessTokenClaims } from './access-token-claims';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { decoyPasswordHash, verifyPassword } from './passwords';
import { type RefreshTokenRow, RefreshTokensRepository } from './refresh-tokens.repository';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

const INVALID_CREDENTIALS = 'Invalid e-mail or password';
const SIGNED_OUT = 'You have signed out';
const SESSION_REVOKED = 'This sign-in was ended because its refresh token was used twice; sign in again';

/**
 * How long a refresh token just replaced by rotation still buys an access token when it comes by
 * cookie. Two tabs of one browser that refresh at the same moment send the same cookie; the
 * second must not look like a thief and end the sign-in. It gets an access token but no new
 * refresh token (the browser already holds the one the first answer set). Tools sending the token
 * in the body have no such race and keep the strict rule.
 */
export const ROTATION_GRACE_MS = 30_000;

/** A refresh's answer; `refreshToken` is null when a just-rotated token was used within the grace (keep the cookie as it is). */
export type RefreshAnswer = SessionResponse & { refreshToken: string | null };

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly transactions: TransactionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly accessChanges: AccessChangeBus,
  ) {}

  async login(request: LoginRequest, client: ClientInfo): Promise<LoginResponse> {
    const ip = client.ip ?? 'unknown';
    await this.throttle.assertAllowed(request.email, ip);
    const row = await this.users.findByEmail(request.email);
    const passwordOk = await verifyPassword(row?.password_hash ?? (await decoyPasswordHash()), request.password);
    if (!row || !passwordOk || !accountUsable(row)) {
      await this.throttle.recordFailure(request.email, ip);
      await this.audit.record({
        userId: row?.id ?? null,
        agencyId: row?.agency_id ?? null,
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: row?.id ?? null,
        details: { email: request.email },
        ip,
      });
      throw new AppError(401, 'invalid_credentials', INVALID_CREDENTIALS);
    }
    await this.throttle.recordSuccess(request.email, ip);
    const familyId = randomUUID();
    const refreshToken = await this.transactions.run(async (tx) => {
      const token = await this.issueRefreshToken(tx.manager, row.id, familyId, client);
      await this.audit.recordInTransaction(tx, {
        userId: row.id,
        agencyId: row.agency_id,
        action: 'auth.login',
        entityType: 'user',
        entityId: row.id,
        ip,
      });
      return token.value;
    });
    return this.answer(row, familyId, refreshToken);
  }

  /** Rotates the refresh token. A token used twice means it was stolen: the whole sign-in is revoked. */
  async refresh(refreshToken: string, client: ClientInfo, options: { rotationGrace?: boolean } = {}): Promise<RefreshAnswer> {
    const outcome = await this.transactions.run(async (tx) => {
      const stored = await this.refreshTokens.findByHashForUpdate(tx.manager, hashToken(refreshToken));
      if (!stored) return { error: 'unknown' as const };
      if (stored.revoked_at && options.rotationGrace && this.withinRotationGrace(stored)) {
        const user = await this.users.findById(stored.user_id, tx.manager);
        const open = await this.refreshTokens.familyOpen(tx.manager, stored.family_id);
        if (!user || !accountUsable(user) || !open) return { error: 'disabled' as const };
        return { user, familyId: stored.family_id, token: null };
      }
      if (stored.revoked_at) {
        await this.refreshTokens.revokeFamily(tx.manager, stored.family_id);
        tx.afterCommit(() => this.endSession(stored.family_id, SESSION_REVOKED));
        await this.audit.recordInTransaction(tx, {
          userId: stored.user_id,
          agencyId: null,
          action: 'auth.refresh_reused',
          entityType: 'session',
          entityId: stored.family_id,
          ip: client.ip,
        });
        return { error: 'reused' as const };
      }
      if (stored.expires_at.getTime() < Date.now()) return { error: 'expired' as const };
      const user = await this.users.findById(stored.user_id, tx.manager);
      if (!user || !accountUsable(user)) return { error: 'disabled' as const };
      const next = await this.issueRefreshToken(tx.manager, user.id, stored.family_id, client);
      await this.refreshTokens.markReplaced(tx.manager, stored.id, next.id);
      return { user, familyId: stored.family_id, token: next.value };
    });
    if ('error' in outcome) throw unauthorized('The session has ended; sign in again');
    return this.answer(outcome.user, outcome.familyId, outcome.token);
  }

  /**
   * Ends the sign-in the refresh token belongs to. Holding the token is the proof (whoever holds it
   * could refresh with it), so no access token is needed: a browser whose access token expired
   * while offline can still sign out for good.
   */
  async logout(refreshToken: string, client: ClientInfo): Promise<void> {
    await this.transactions.run(async (tx) => {
      const stored = await this.refreshTokens.findByHashForUpdate(tx.manager, hashToken(refreshToken));
      if (!stored) return;
      await this.refreshTokens.revokeFamily(tx.manager, stored.family_id);
      tx.afterCommit(() => this.endSession(stored.family_id, SIGNED_OUT));
      const user = await this.users.findById(stored.user_id, tx.manager);
      await this.audit.recordInTransaction(tx, {
        userId: stored.user_id,
        agencyId: user?.agency_id ?? null,
        action: 'auth.logout',
        entityType: 'user',
        entityId: stored.user_id,
        ip: client.ip,
      });
    });
  }

  /**
   * Who an access token belongs to, checked against the database on every request and socket:
   * a disabled user or an ended sign-in is refused at once, not when the token expires.
   */
  async authenticate(accessToken: string): Promise<AuthUser> {
    return (await this.authenticateSession(accessToken)).user;
  }

  /** `authenticate`, with the sign-in the token belongs to (a socket joins its room, so that logging out closes it). */
  async authenticateSession(accessToken: string): Promise<{ user: AuthUser; sessionId: string }> {
    let claims: AccessTokenClaims;
    try {
      claims = accessTokenClaims(await this.jwt.verifyAsync<object>(accessToken, { algorithms: ['HS256'] }));
    } catch (error) {
      const expired = (error as { name?: string }).name === 'TokenExpiredError';
      throw unauthorized(expired ? 'The access token has expired' : 'The access token is invalid');
    }
    const row = await this.refreshTokens.findSessionUser(claims.sub, claims.sid);
    if (!row || row.disabled || !row.session_open) throw unauthorized('The session has ended; sign in again');
    return { user: { id: row.id, email: row.email, name: row.name, role: row.role, agencyId: row.agency_id, agencyCode: row.agency_code }, sessionId: claims.sid };
  }

  async me(user: AuthUser): Promise<User> {
    const row = await this.users.findById(user.id);
    if (!row) throw unauthorized();
    return toUser(row);
  }

  private withinRotationGrace(stored: RefreshTokenRow): boolean {
    // Replaced by rotation (not revoked by a sign-out or a theft response), a moment ago.
    return stored.replaced_by !== null && stored.revoked_ms_ago !== null && stored.revoked_ms_ago < ROTATION_GRACE_MS;
  }

  /** Open sockets of an ended sign-in are told why and closed (the realtime module listens). */
  private endSession(sessionId: string, reason: string): void {
    this.accessChanges.publish({ kind: 'session-ended', sessionId, reason });
  }

  private async issueRefreshToken(
    manager: import('typeorm').EntityManager,
    userId: string,
    familyId: string,
    client: ClientInfo,
  ): Promise<{ id: string; value: string }> {
    const value = randomBytes(32).toString('base64url');
    const id = await this.refreshTokens.insert(manager, {
      userId,
      familyId,
      hash: hashToken(value),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlSeconds * 1000),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { id, value };
  }

  private async answer<T extends string | null>(row: UserRow, familyId: string, refreshToken: T): Promise<SessionResponse & { refreshToken: T }> {
    const claims: AccessTokenClaims = { sub: row.id, sid: familyId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.accessTokenTtlSeconds, algorithm: 'HS256' });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds, user: toUser(row) };
  }
}

function hashToken(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
