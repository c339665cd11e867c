import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A patrol or hold task whose team is outside its area now: flagged once per exit (the author is alerted then). */
export class TaskLeftArea1764500000002 implements MigrationInterface {
  name = 'TaskLeftArea1764500000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tasks ADD COLUMN left_area boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE tasks DROP COLUMN left_area`);
  }
}
