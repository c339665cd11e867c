import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

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
}
