import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration in the browser:
 * - an account may have no password yet (`password_hash` NULL): it was created or reset by an
 *   administrator and waits for its holder to choose one through a set-password link;
 * - `password_tokens` keeps those links' tokens, hashed (SHA-256 of 32 random bytes), expiring and
 *   single use (`used_at`); issuing a new one ends the account's earlier ones;
 * - agencies can be deactivated, border sites retired (a retired site stays on past operations);
 * - the audit trail is read newest first, filtered by agency and action as well as by user and operation.
 */
export class Administration1764400000000 implements MigrationInterface {
  name = 'Administration1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

      CREATE TABLE password_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_tokens_user_idx ON password_tokens (user_id) WHERE used_at IS NULL;

      ALTER TABLE agencies ADD COLUMN active boolean NOT NULL DEFAULT true;
      ALTER TABLE sites ADD COLUMN retired_at timestamptz;

      CREATE INDEX audit_log_agency_idx ON audit_log (agency_id, id);
      CREATE INDEX audit_log_action_idx ON audit_log (action text_pattern_ops, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS audit_log_action_idx;
      DROP INDEX IF EXISTS audit_log_agency_idx;
      ALTER TABLE sites DROP COLUMN retired_at;
      ALTER TABLE agencies DROP COLUMN active;
      DROP TABLE password_tokens;
      UPDATE users SET password_hash = '!' WHERE password_hash IS NULL;
      ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL;
    `);
  }
}
