import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TAK devices bound to teams: a CoT uid belongs to one team at a time, and its position events
 * become that team's positions, posted as the commander who bound it.
 */
export class TakDevices1764700000000 implements MigrationInterface {
  name = 'TakDevices1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE tak_devices (
        uid text PRIMARY KEY,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        bound_by uuid NOT NULL REFERENCES users(id),
        bound_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX tak_devices_team_idx ON tak_devices (team_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE tak_devices`);
  }
}
