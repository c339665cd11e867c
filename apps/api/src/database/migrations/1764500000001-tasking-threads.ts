import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The message threads of tasks and requests. A message has no marking of its own: it is read and
 * fanned out under its subject's (the thread is as visible as the task or request it is about).
 */
export class TaskingThreads1764500000001 implements MigrationInterface {
  name = 'TaskingThreads1764500000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE thread_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL UNIQUE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        subject text NOT NULL CHECK (subject IN ('task','request')),
        subject_id uuid NOT NULL,
        author_user_id uuid NOT NULL REFERENCES users(id),
        body text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX thread_messages_subject_idx ON thread_messages (subject, subject_id, at, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE thread_messages');
  }
}
