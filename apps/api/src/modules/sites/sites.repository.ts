import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateSite, SiteQuery, UpdateSite } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { SITE_COLUMNS, type SiteRow } from './site.mapper';

/** Reference data is small (tens to hundreds of rows); a generous cap keeps one answer bounded. */
const MAX_SITES = 2000;

@Injectable()
export class SitesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(query: SiteQuery): Promise<SiteRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.q) {
      params.push(`%${escapeLike(query.q)}%`);
      where.push(`(name ILIKE $${params.length} ESCAPE '\\' OR code ILIKE $${params.length} ESCAPE '\\')`);
    }
    if (query.bbox) {
      const { west, south, east, north } = query.bbox;
      params.push(south, north, west, east);
      const n = params.length;
      where.push(`lat BETWEEN $${n - 3} AND $${n - 2} AND lon BETWEEN $${n - 1} AND $${n}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`kind = $${params.length}`);
    }
    if (query.country) {
      params.push(query.country);
      where.push(`country = $${params.length}`);
    }
    if (!query.includeRetired) where.push('retired_at IS NULL');
    params.push(MAX_SITES);
    return (await this.dataSource.query(
      `SELECT ${SITE_COLUMNS} FROM sites ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY country, name LIMIT $${params.length}`,
      params,
    )) as SiteRow[];
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SiteRow | null> {
    const rows = (await manager.query(`SELECT ${SITE_COLUMNS} FROM sites WHERE id = $1`, [id])) as SiteRow[];
    return rows[0] ?? null;
  }

  async findByCodes(codes: readonly string[]): Promise<SiteRow[]> {
    return (await this.dataSource.query(`SELECT ${SITE_COLUMNS} FROM sites WHERE code = ANY($1::text[])`, [codes])) as SiteRow[];
  }

  async insert(manager: EntityManager, site: CreateSite): Promise<SiteRow> {
    const [row] = (await manager.query(
      `INSERT INTO sites (code, name, kind, country, counterpart, lat, lon) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${SITE_COLUMNS}`,
      [site.code, site.name, site.kind, site.country, site.counterpart, site.lat, site.lon],
    )) as SiteRow[];
    return row;
  }

  async update(manager: EntityManager, id: string, changes: UpdateSite): Promise<SiteRow | null> {
    const [rows] = (await manager.query(
      `UPDATE sites
          SET name = COALESCE($2, name), kind = COALESCE($3, kind), country = COALESCE($4, country),
              counterpart = CASE WHEN $5::boolean THEN $6 ELSE counterpart END,
              lat = COALESCE($7, lat), lon = COALESCE($8, lon),
              retired_at = CASE WHEN $9::boolean IS NULL THEN retired_at WHEN $9 THEN COALESCE(retired_at, now()) ELSE NULL END,
              updated_at = now()
        WHERE id = $1 RETURNING ${SITE_COLUMNS}`,
      [
        id,
        changes.name ?? null,
        changes.kind ?? null,
        changes.country ?? null,
        changes.counterpart !== undefined,
        changes.counterpart ?? null,
        changes.lat ?? null,
        changes.lon ?? null,
        changes.retired ?? null,
      ],
    )) as [SiteRow[], number];
    return rows[0] ?? null;
  }
}

/** `%`, `_` and the escape character itself match literally in a name search. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
