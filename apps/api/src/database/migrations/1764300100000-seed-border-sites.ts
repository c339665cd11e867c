import type { MigrationInterface, QueryRunner } from 'typeorm';
// Imported (not read from disk) so that tsc copies the JSON next to this file in dist.
import borderSites from '../seed-data/asean-border-sites.json';

interface SeedSite {
  id: string;
  name: string;
  kind: string;
  country: string;
  counterpart: string | null;
  lat: number;
  lon: number;
}

const SITES = (borderSites as { sites: SeedSite[] }).sites;

/**
 * Reference data: the ASEAN border crossing points, seaports and airports of
 * `seed-data/asean-border-sites.json` (the file's `id` is the site's `code`). Existing codes are
 * left alone, so that an administrator's corrections survive.
 */
export class SeedBorderSites1764300100000 implements MigrationInterface {
  name = 'SeedBorderSites1764300100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO sites (code, name, kind, country, counterpart, lat, lon)
       SELECT s.code, s.name, s.kind, s.country, s.counterpart, s.lat, s.lon
         FROM jsonb_to_recordset($1::jsonb) AS s(code text, name text, kind text, country text, counterpart text, lat double precision, lon double precision)
       ON CONFLICT (code) DO NOTHING`,
      [JSON.stringify(SITES.map((site) => ({ ...site, code: site.id })))],
    );
  }

  /** Removes the seeded sites that nothing refers to. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM sites s WHERE s.code = ANY($1::text[])
          AND NOT EXISTS (SELECT 1 FROM operation_sites os WHERE os.site_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM teams t WHERE t.site_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.site_id = s.id)`,
      [SITES.map((site) => site.id)],
    );
  }
}
