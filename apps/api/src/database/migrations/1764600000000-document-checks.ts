import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stolen and lost documents lists and the checks made against them. Neither table holds a
 * document number: only its keyed hash (HMAC-SHA-256 with the server's secret over the
 * normalised country, type and number). A list is replaced as a whole in one transaction: its
 * entries carry the version they belong to, and `document_lists` says which version is in force.
 */
export class DocumentChecks1764600000000 implements MigrationInterface {
  name = 'DocumentChecks1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE document_lists (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id),
        version integer NOT NULL,
        file_sha256 text NOT NULL,
        row_count integer NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by uuid REFERENCES users(id)
      );
      CREATE TABLE document_list_entries (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        doc_hash bytea NOT NULL,
        status text NOT NULL CHECK (status IN ('stolen_blank','lost','stolen','revoked')),
        source text NOT NULL,
        reported_at date
      );
      CREATE INDEX document_list_entries_hash_idx ON document_list_entries (doc_hash);
      CREATE INDEX document_list_entries_agency_idx ON document_list_entries (agency_id);

      CREATE TABLE document_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        client_id uuid NOT NULL UNIQUE,
        operation_id uuid NOT NULL REFERENCES operations(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id),
        site_id uuid REFERENCES sites(id),
        checking_agency_id uuid NOT NULL REFERENCES agencies(id),
        officer_user_id uuid NOT NULL REFERENCES users(id),
        -- erased by the retention job once the operation has been closed long enough
        doc_hash bytea,
        document_type text NOT NULL CHECK (document_type IN ('passport','id_card','visa','other')),
        issuing_country text NOT NULL,
        result text NOT NULL CHECK (result IN ('no_hit','potential_hit')),
        hit_status text CHECK (hit_status IN ('stolen_blank','lost','stolen','revoked')),
        hit_source text,
        hit_reported_at date,
        hit_list_agency_id uuid REFERENCES agencies(id),
        alert_report_id uuid REFERENCES reports(id),
        outcome text CHECK (outcome IN ('confirmed','false_positive')),
        outcome_note text,
        outcome_by uuid REFERENCES users(id),
        outcome_at timestamptz,
        checked_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_checks_operation_idx ON document_checks (operation_id, checked_at);
      CREATE INDEX document_checks_alert_idx ON document_checks (alert_report_id) WHERE alert_report_id IS NOT NULL;

      ALTER TABLE operations ADD COLUMN personal_data_erased_at timestamptz;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE operations DROP COLUMN personal_data_erased_at;
      DROP TABLE document_checks;
      DROP TABLE document_list_entries;
      DROP TABLE document_lists;
    `);
  }
}
