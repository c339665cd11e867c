import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an operation closed, for the retention rule (personal data is erased a set number of days
 * after closing). Set by a trigger on the transition, whichever code path makes it; operations
 * closed before this migration count from their last update.
 */
export class OperationClosedAt1764600000001 implements MigrationInterface {
  name = 'OperationClosedAt1764600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE operations ADD COLUMN closed_at timestamptz;
      UPDATE operations SET closed_at = updated_at WHERE status = 'closed';
      CREATE FUNCTION operations_stamp_closed_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.status = 'closed' AND OLD.status IS DISTINCT FROM 'closed' THEN
          NEW.closed_at := now();
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER operations_closed_at BEFORE UPDATE OF status ON operations
        FOR EACH ROW EXECUTE FUNCTION operations_stamp_closed_at();
      CREATE INDEX operations_closed_at_idx ON operations (closed_at) WHERE closed_at IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER operations_closed_at ON operations;
      DROP FUNCTION operations_stamp_closed_at();
      ALTER TABLE operations DROP COLUMN closed_at;
    `);
  }
}
