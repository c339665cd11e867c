import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface PasswordTokenRow {
  id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
}

/** Set-password tokens, stored as hashes only. */
@Injectable()
export class PasswordTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Issuing a new link ends the account's earlier ones: only the latest link works. */
  async replaceForUser(manager: EntityManager, token: { userId: string; hash: string; expiresAt: Date; createdBy: string | null }): Promise<void> {
    await manager.query('UPDATE password_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [token.userId]);
    await manager.query('INSERT INTO password_tokens (user_id, token_hash, expires_at, created_by) VALUES ($1, $2, $3, $4)', [
      token.userId,
      token.hash,
      token.expiresAt,
      token.createdBy,
    ]);
  }

  /** Whether the token can still be used (a cheap look before the password is hashed). */
  async usable(hash: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM password_tokens WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()', [hash]);
    return rows.length > 0;
  }

  /** Locks the row, so that two requests with one token cannot both use it. */
  async findByHashForUpdate(manager: EntityManager, hash: string): Promise<PasswordTokenRow | null> {
    const rows = (await manager.query('SELECT id, user_id, expires_at, used_at FROM password_tokens WHERE token_hash = $1 FOR UPDATE', [hash])) as PasswordTokenRow[];
    return rows[0] ?? null;
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.query('UPDATE password_tokens SET used_at = now() WHERE id = $1', [id]);
  }
}
