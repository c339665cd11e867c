import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateAgency, UpdateAgency } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyRow } from './agency.mapper';

const COLUMNS = 'id, code, name, country, kind, active';

@Injectable()
export class AgenciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<AgencyRow[]> {
    return (await this.dataSource.query(`SELECT ${COLUMNS} FROM agencies ORDER BY code`)) as AgencyRow[];
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<AgencyRow | null> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM agencies WHERE id = $1`, [id])) as AgencyRow[];
    return rows[0] ?? null;
  }

  async findByCode(code: string, manager: EntityManager = this.dataSource.manager): Promise<AgencyRow | null> {
    const rows = (await manager.query(`SELECT ${COLUMNS} FROM agencies WHERE code = $1`, [code])) as AgencyRow[];
    return rows[0] ?? null;
  }

  async insert(manager: EntityManager, agency: CreateAgency): Promise<AgencyRow> {
    const [row] = (await manager.query(
      `INSERT INTO agencies (code, name, country, kind) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
      [agency.code, agency.name, agency.country, agency.kind],
    )) as AgencyRow[];
    return row;
  }

  /** The agency's accounts, for ending their sign-ins when it is deactivated. */
  async userIds(manager: EntityManager, agencyId: string): Promise<string[]> {
    return ((await manager.query('SELECT id FROM users WHERE agency_id = $1', [agencyId])) as { id: string }[]).map((row) => row.id);
  }

  /** Answers the updated row, or null when there is no such agency. */
  async update(manager: EntityManager, id: string, changes: UpdateAgency): Promise<AgencyRow | null> {
    const [rows] = (await manager.query(
      `UPDATE agencies
          SET code = COALESCE($2, code), name = COALESCE($3, name),
              country = CASE WHEN $4::boolean THEN $5 ELSE country END,
              kind = COALESCE($6, kind), active = COALESCE($7, active), updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, changes.code ?? null, changes.name ?? null, changes.country !== undefined, changes.country ?? null, changes.kind ?? null, changes.active ?? null],
    )) as [AgencyRow[], number];
    return rows[0] ?? null;
  }
}
