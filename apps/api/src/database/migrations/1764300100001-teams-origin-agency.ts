import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A team's originating agency is the agency it belongs to. Naming it `origin_agency_id` as well
 * (a generated column, always equal to `agency_id`) lets the one SQL form of the handling-marking
 * rule (`common/marking-sql.ts`) filter teams exactly as it filters reports and events.
 */
export class TeamsOriginAgency1764300100001 implements MigrationInterface {
  name = 'TeamsOriginAgency1764300100001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE teams ADD COLUMN origin_agency_id uuid GENERATED ALWAYS AS (agency_id) STORED`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE teams DROP COLUMN origin_agency_id`);
  }
}
