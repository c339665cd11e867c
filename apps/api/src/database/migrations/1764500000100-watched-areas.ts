import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Areas a commander watches: the author is alerted when no team has been inside for `no_team_minutes` (once per lapse). */
export class WatchedAreas1764500000100 implements MigrationInterface {
  name = 'WatchedAreas1764500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE watched_areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL UNIQUE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        name text NOT NULL,
        area jsonb NOT NULL,
        no_team_minutes integer NOT NULL CHECK (no_team_minutes BETWEEN 1 AND 10080),
        last_team_inside_at timestamptz NOT NULL,
        lapsed boolean NOT NULL DEFAULT false,
        origin_agency_id uuid NOT NULL REFERENCES agencies(id),
        author_user_id uuid NOT NULL REFERENCES users(id),
        marking text NOT NULL CHECK (marking IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
        recipient_agency_ids uuid[] NOT NULL DEFAULT '{}',
        removed_at timestamptz,
        removed_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version bigint NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`CREATE INDEX watched_areas_operation ON watched_areas (operation_id) WHERE removed_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE watched_areas`);
  }
}
