import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The system of record: agencies and users, operations with their participants and sites, teams
 * and their positions, reports with their history, the per-operation event log and the audit
 * trail. Enumerations are checked here as well as in `libs/contracts`, so that no writer can
 * store a value the contracts do not know.
 */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        country char(2),
        kind text NOT NULL CHECK (kind IN ('police','immigration','customs','border_guard','coast_guard','international_organisation')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','commander','field','liaison')),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX users_agency_idx ON users (agency_id);

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        replaced_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_ip text,
        user_agent text
      );
      CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

      CREATE TABLE operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','active','suspended','closed')),
        lead_agency_id uuid NOT NULL REFERENCES agencies(id),
        exercise boolean NOT NULL DEFAULT false,
        time_zone text NOT NULL DEFAULT 'UTC',
        starts_at timestamptz,
        ends_at timestamptz,
        area jsonb,
        last_seq bigint NOT NULL DEFAULT 0,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
      );

      CREATE TABLE operation_participants (
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        role text NOT NULL CHECK (role IN ('lead','participant','observer')),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operation_id, agency_id)
      );
      CREATE UNIQUE INDEX operation_participants_one_lead ON operation_participants (operation_id) WHERE role = 'lead';
      CREATE INDEX operation_participants_agency_idx ON operation_participants (agency_id);

      CREATE TABLE sites (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('land','river','sea','air')),
        country char(2) NOT NULL,
        counterpart char(2),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sites_lat_lon_idx ON sites (lat, lon);

      CREATE TABLE operation_sites (
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        site_id uuid NOT NULL REFERENCES sites(id),
        PRIMARY KEY (operation_id, site_id)
      );

      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        call_sign text NOT NULL,
        size integer NOT NULL CHECK (size BETWEEN 1 AND 500),
        status text NOT NULL CHECK (status IN ('on_station','en_route','engaged','returning','off_duty')),
        site_id uuid REFERENCES sites(id),
        marking text NOT NULL DEFAULT 'TLP:GREEN' CHECK (marking IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
        recipient_agency_ids uuid[] NOT NULL DEFAULT '{}',
        last_lat double precision,
        last_lon double precision,
        last_heading double precision,
        last_speed double precision,
        last_accuracy double precision,
        last_position_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (operation_id, call_sign)
      );

      CREATE TABLE team_members (
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (team_id, user_id)
      );
      CREATE INDEX team_members_user_idx ON team_members (user_id);

      CREATE TABLE team_positions (
        id bigserial PRIMARY KEY,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        heading double precision,
        speed double precision,
        accuracy double precision,
        at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      -- A position taken at the same instant is the same position: a re-sent batch stores it once.
      CREATE UNIQUE INDEX team_positions_team_at ON team_positions (team_id, at);
      CREATE INDEX team_positions_operation_at ON team_positions (operation_id, at);

      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL UNIQUE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('interception','sitrep','alert')),
        status text NOT NULL DEFAULT 'reported' CHECK (status IN ('reported','verified','rejected')),
        title text NOT NULL,
        narrative text NOT NULL DEFAULT '',
        lat double precision CHECK (lat BETWEEN -90 AND 90),
        lon double precision CHECK (lon BETWEEN -180 AND 180),
        site_id uuid REFERENCES sites(id),
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        origin_agency_id uuid NOT NULL REFERENCES agencies(id),
        team_id uuid REFERENCES teams(id),
        author_user_id uuid NOT NULL REFERENCES users(id),
        marking text NOT NULL CHECK (marking IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
        recipient_agency_ids uuid[] NOT NULL DEFAULT '{}',
        interception jsonb,
        status_reason text,
        status_by uuid REFERENCES users(id),
        status_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        version bigint NOT NULL,
        CHECK ((lat IS NULL) = (lon IS NULL))
      );
      CREATE INDEX reports_operation_received_idx ON reports (operation_id, received_at DESC, id DESC);
      CREATE INDEX reports_operation_lat_lon_idx ON reports (operation_id, lat, lon);

      CREATE TABLE report_history (
        id bigserial PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid NOT NULL REFERENCES users(id),
        action text NOT NULL CHECK (action IN ('created','amended','verified','rejected')),
        changes jsonb NOT NULL DEFAULT '{}',
        reason text
      );
      CREATE INDEX report_history_report_idx ON report_history (report_id, id);

      -- One strictly increasing sequence per operation (operations.last_seq is the counter).
      CREATE TABLE operation_events (
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        seq bigint NOT NULL,
        type text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_agency_id uuid,
        marking text NOT NULL CHECK (marking IN ('TLP:CLEAR','TLP:GREEN','TLP:AMBER','TLP:AMBER+STRICT','TLP:RED')),
        origin_agency_id uuid NOT NULL,
        recipient_agency_ids uuid[] NOT NULL DEFAULT '{}',
        payload jsonb NOT NULL,
        PRIMARY KEY (operation_id, seq)
      );

      -- Append-only: who saw and changed what, when.
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid,
        agency_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        operation_id uuid,
        details jsonb NOT NULL DEFAULT '{}',
        ip text
      );
      CREATE INDEX audit_log_operation_idx ON audit_log (operation_id, id);
      CREATE INDEX audit_log_user_idx ON audit_log (user_id, id);

      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END;
      $$;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS audit_log, operation_events, report_history, reports, team_positions, team_members,
        teams, operation_sites, sites, operation_participants, operations, refresh_tokens, users, agencies CASCADE;
      DROP FUNCTION IF EXISTS audit_log_append_only();
    `);
  }
}
