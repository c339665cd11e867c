import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UserRole } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** A signed-in user as each request re-checks it: enabled, and its sign-in (token family) still open. */
export interface SessionUserRow {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  agency_id: string;
  agency_code: string;
  session_open: boolean;
}

export interface RefreshTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  revoked_at: Date | null;
  /** The token that replaced it by rotation (null when revoked otherwise, or still current). */
  replaced_by: string | null;
  /** Milliseconds since it was revoked, on the database's clock (null when it was not). */
  revoked_ms_ago: number | null;
}

/** Refresh tokens are stored only as SHA-256 hashes; a family is one sign-in and its rotations. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    token: { userId: string; familyId: string; hash: string; expiresAt: Date; ip: string | null; userAgent: string | null },
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, created_ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [token.userId, token.familyId, token.hash, token.expiresAt, token.ip, token.userAgent?.slice(0, 300) ?? null],
    )) as { id: string }[];
    return row.id;
  }

  /** Locks the row so that two concurrent refreshes with one token cannot both rotate it. */
  async findByHashForUpdate(manager: EntityManager, hash: string): Promise<RefreshTokenRow | null> {
    const rows = (await manager.query(
      `SELECT id, user_id, family_id, expires_at, revoked_at, replaced_by,
              (extract(epoch FROM clock_timestamp() - revoked_at) * 1000)::float8 AS revoked_ms_ago
         FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
      [hash],
    )) as RefreshTokenRow[];
    return rows[0] ?? null;
  }

  /** Whether the sign-in still has a live token (not ended by a sign-out, a theft response or expiry). */
  async familyOpen(manager: EntityManager, familyId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now() LIMIT 1`,
      [familyId],
    )) as unknown[];
    return rows.length > 0;
  }

  async markReplaced(manager: EntityManager, id: string, replacedBy: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now(), replaced_by = $2 WHERE id = $1`, [id, replacedBy]);
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /** Which of these accounts have an open sign-in (an unexpired, unrevoked refresh token). */
  async signedInAmong(userIds: readonly string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT user_id FROM refresh_tokens WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL AND expires_at > now()`,
      [userIds],
    )) as { user_id: string }[];
    return new Set(rows.map((row) => row.user_id));
  }

  async revokeAllForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** The user behind an access token, with whether its sign-in (`familyId`) still has a live refresh token. */
  async findSessionUser(userId: string, familyId: string): Promise<SessionUserRow | null> {
    const rows: SessionUserRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.role, (u.disabled OR NOT a.active) AS disabled, a.id AS agency_id, a.code AS agency_code,
              EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NULL AND r.expires_at > now()) AS session_open
         FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = $1`,
      [userId, familyId],
    );
    return rows[0] ?? null;
  }
}
