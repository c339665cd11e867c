import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replay and the after-action report.
 *
 * - `operation_events.item_id`: the report or team an event carries (null for operation events).
 *   The state at a moment is "the newest event of each item up to then", one DISTINCT ON over
 *   (item_id, seq) that this index answers without sorting the whole log.
 * - `operation_events (operation_id, at)`: the events of a replay window.
 * - The lessons and improvement actions of the after-action report, saved with the operation and
 *   marked by the lead agency like any item it originates.
 */
export class ReplayAndLessons1764800000000 implements MigrationInterface {
  name = 'ReplayAndLessons1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE operation_events
        ADD COLUMN item_id uuid GENERATED ALWAYS AS (coalesce(payload -> 'report' ->> 'id', payload -> 'team' ->> 'id')::uuid) STORED;
      CREATE INDEX operation_events_item_idx ON operation_events (operation_id, item_id, seq DESC) WHERE item_id IS NOT NULL;
      CREATE INDEX operation_events_at_idx ON operation_events (operation_id, at);

      ALTER TABLE operations
        ADD COLUMN lessons jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN lessons_marking text NOT NULL DEFAULT 'TLP:AMBER'
          CHECK (lessons_marking IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
        ADD COLUMN lessons_updated_at timestamptz,
        ADD COLUMN lessons_updated_by uuid REFERENCES users(id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE operations DROP COLUMN lessons_updated_by, DROP COLUMN lessons_updated_at, DROP COLUMN lessons_marking, DROP COLUMN lessons;
      DROP INDEX operation_events_at_idx;
      DROP INDEX operation_events_item_idx;
      ALTER TABLE operation_events DROP COLUMN item_id;
    `);
  }
}
