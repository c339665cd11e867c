import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { UserRow } from './user.mapper';

const SELECT_USER = `
  SELECT u.id, u.email, u.name, u.role, u.disabled, u.password_hash, u.language, u.time_display,
         a.id AS agency_id, a.code AS agency_code, a.name AS agency_name, a.active AS agency_active,
         EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.user_id = u.id AND r.revoked_at IS NULL AND r.expires_at > now()) AS signed_in
    FROM users u JOIN agencies a ON a.id = u.agency_id`;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findByEmail(email: string): Promise<UserRow | null> {
    const rows = (await this.dataSource.query(`${SELECT_USER} WHERE u.email = $1`, [email.toLowerCase()])) as UserRow[];
    return rows[0] ?? null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserRow | null> {
    const rows = (await manager.query(`${SELECT_USER} WHERE u.id = $1`, [id])) as UserRow[];
    return rows[0] ?? null;
  }

  async list(agencyId?: string): Promise<UserRow[]> {
    return agencyId
      ? ((await this.dataSource.query(`${SELECT_USER} WHERE u.agency_id = $1 ORDER BY a.code, u.name`, [agencyId])) as UserRow[])
      : ((await this.dataSource.query(`${SELECT_USER} ORDER BY a.code, u.name`)) as UserRow[]);
  }

  async insert(
    manager: EntityManager,
    user: { email: string; name: string; role: string; agencyId: string; passwordHash: string | null },
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO users (email, name, role, agency_id, password_hash) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [user.email.toLowerCase(), user.name, user.role, user.agencyId, user.passwordHash],
    )) as { id: string }[];
    return row.id;
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: { name?: string; role?: string; disabled?: boolean },
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET name = COALESCE($2, name), role = COALESCE($3, role), disabled = COALESCE($4, disabled), updated_at = now()
        WHERE id = $1`,
      [id, changes.name ?? null, changes.role ?? null, changes.disabled ?? null],
    );
  }

  /** A new password (from a set-password link), or null: the account waits for its holder to choose one. */
  async setPasswordHash(manager: EntityManager, id: string, passwordHash: string | null): Promise<void> {
    await manager.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [id, passwordHash]);
  }

  /** The user's own language and time display; what is undefined stays as it is. */
  async updatePreferences(id: string, changes: { language?: string | null; timeDisplay?: string }): Promise<void> {
    await this.dataSource.query(
      `UPDATE users SET language = CASE WHEN $2 THEN $3 ELSE language END, time_display = COALESCE($4, time_display), updated_at = now()
        WHERE id = $1`,
      [id, changes.language !== undefined, changes.language ?? null, changes.timeDisplay ?? null],
    );
  }
}
