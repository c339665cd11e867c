import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks to teams and requests between agencies. Both carry `origin_agency_id`, `marking` and
 * `recipient_agency_ids`, so that the one SQL form of the marking rule (`common/marking-sql.ts`)
 * filters them like reports. Each state change is a transition row; its client id (unique) makes
 * a retried change from the field page's outbox apply once. `lead_may_task`: a participating
 * agency's setting that lets the lead agency's commanders task its teams in the operation.
 */
export class TasksAndRequests1764500000000 implements MigrationInterface {
  name = 'TasksAndRequests1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE operation_participants ADD COLUMN lead_may_task boolean NOT NULL DEFAULT false;

      CREATE TABLE agency_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL UNIQUE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('assist','intercept','take_over_case','share_information')),
        origin_agency_id uuid NOT NULL REFERENCES agencies(id),
        to_agency_id uuid NOT NULL REFERENCES agencies(id),
        subject text NOT NULL,
        details text NOT NULL DEFAULT '',
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lon double precision CHECK (lon BETWEEN -180 AND 180),
        site_id uuid REFERENCES sites(id),
        answer_due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open','accepted','declined','cancelled','completed')),
        state_reason text,
        overdue boolean NOT NULL DEFAULT false,
        answered_at timestamptz,
        author_user_id uuid NOT NULL REFERENCES users(id),
        handover jsonb,
        marking text NOT NULL CHECK (marking IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
        recipient_agency_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version bigint NOT NULL DEFAULT 0,
        CHECK ((lat IS NULL) = (lon IS NULL)),
        CHECK (origin_agency_id <> to_agency_id)
      );
      CREATE INDEX agency_requests_operation_idx ON agency_requests (operation_id, created_at DESC, id DESC);
      CREATE INDEX agency_requests_open_due_idx ON agency_requests (answer_due_at) WHERE state = 'open' AND NOT overdue;

      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL UNIQUE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id),
        kind text NOT NULL CHECK (kind IN ('move_to','hold','patrol','intercept','check_documents','other')),
        title text NOT NULL,
        instructions text NOT NULL DEFAULT '',
        target jsonb NOT NULL,
        due_at timestamptz,
        ack_due_at timestamptz NOT NULL,
        state text NOT NULL DEFAULT 'assigned' CHECK (state IN ('assigned','acknowledged','in_progress','done','unable','cancelled')),
        state_reason text,
        overdue boolean NOT NULL DEFAULT false,
        acknowledged_at timestamptz,
        origin_agency_id uuid NOT NULL REFERENCES agencies(id),
        author_user_id uuid NOT NULL REFERENCES users(id),
        request_id uuid REFERENCES agency_requests(id),
        marking text NOT NULL CHECK (marking IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
        recipient_agency_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version bigint NOT NULL DEFAULT 0
      );
      CREATE INDEX tasks_operation_idx ON tasks (operation_id, created_at DESC, id DESC);
      CREATE INDEX tasks_assigned_due_idx ON tasks (ack_due_at) WHERE state = 'assigned' AND NOT overdue;

      CREATE TABLE task_transitions (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        client_id uuid UNIQUE,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid NOT NULL REFERENCES users(id),
        from_state text,
        to_state text NOT NULL,
        reason text
      );
      CREATE INDEX task_transitions_task_idx ON task_transitions (task_id, id);

      CREATE TABLE request_transitions (
        id bigserial PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES agency_requests(id) ON DELETE CASCADE,
        client_id uuid UNIQUE,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid NOT NULL REFERENCES users(id),
        action text NOT NULL,
        from_state text,
        to_state text,
        reason text
      );
      CREATE INDEX request_transitions_request_idx ON request_transitions (request_id, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE request_transitions;
      DROP TABLE task_transitions;
      DROP TABLE tasks;
      DROP TABLE agency_requests;
      ALTER TABLE operation_participants DROP COLUMN lead_may_task;
    `);
  }
}
