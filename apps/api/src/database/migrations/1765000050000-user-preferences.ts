import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user's language and time display (`PUT /api/me/preferences`), kept on the server so that every
 * browser they sign in on follows them. The checks repeat the contracts' closed lists
 * (`LANGUAGES`, `TIME_DISPLAYS`); a language added there needs a migration that widens the check.
 */
export class UserPreferences1765000050000 implements MigrationInterface {
  name = 'UserPreferences1765000050000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users
        ADD COLUMN language text NULL CHECK (language IN ('en', 'id', 'ms', 'th', 'vi', 'km', 'fil')),
        ADD COLUMN time_display text NOT NULL DEFAULT 'local' CHECK (time_display IN ('local', 'utc'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN language, DROP COLUMN time_display`);
  }
}
