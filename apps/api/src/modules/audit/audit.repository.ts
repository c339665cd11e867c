import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditQuery } from '@lintas/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRow } from './audit-entry.mapper';

export interface AuditEntry {
  userId: string | null;
  agencyId: string | null;
  /** e.g. `report.create`, `report.read`, `auth.login_failed` */
  action: string;
  entityType: string;
  entityId?: string | null;
  operationId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (user_id, agency_id, action, entity_type, entity_id, operation_id, details, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.userId, entry.agencyId, entry.action, entry.entityType, entry.entityId ?? null, entry.operationId ?? null, entry.details ?? {}, entry.ip ?? null],
    );
  }

  /** Newest first; `beforeId` is the last id of the previous page. One row more than asked tells whether a next page exists. */
  async list(filter: Omit<AuditQuery, 'cursor' | 'limit'>, beforeId: string | null, limit: number): Promise<AuditRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (n: number) => string, value: unknown) => {
      params.push(value);
      where.push(sql(params.length));
    };
    if (filter.userId) add((n) => `l.user_id = $${n}`, filter.userId);
    if (filter.agencyId) add((n) => `l.agency_id = $${n}`, filter.agencyId);
    if (filter.operationId) add((n) => `l.operation_id = $${n}`, filter.operationId);
    if (filter.action) add((n) => `l.action LIKE $${n} ESCAPE '\\'`, `${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (filter.from) add((n) => `l.at >= $${n}`, filter.from);
    if (filter.to) add((n) => `l.at < $${n}`, filter.to);
    if (beforeId) add((n) => `l.id < $${n}`, beforeId);
    params.push(limit);
    return (await this.dataSource.query(
      `SELECT l.id, l.at, l.user_id, u.name AS user_name, u.email AS user_email, l.agency_id, a.code AS agency_code,
              l.action, l.entity_type, l.entity_id, l.operation_id, o.code AS operation_code, l.details, l.ip
         FROM audit_log l
         LEFT JOIN users u ON u.id = l.user_id
         LEFT JOIN agencies a ON a.id = l.agency_id
         LEFT JOIN operations o ON o.id = l.operation_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.id DESC LIMIT $${params.length}`,
      params,
    )) as AuditRow[];
  }
}
