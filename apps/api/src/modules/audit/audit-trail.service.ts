import { Injectable } from '@nestjs/common';
import { mayReadAudit, type AuditEntry, type AuditQuery, type Page } from '@lintas/contracts';
import type { AuthUser } from '../auth/auth-user';
import { requireRole } from '../auth/roles';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor';
import { toAuditEntry } from './audit-entry.mapper';
import { AuditRepository } from './audit.repository';

/** Reading the audit trail: administrators only, newest first, in cursor pages. */
@Injectable()
export class AuditTrailService {
  constructor(private readonly repository: AuditRepository) {}

  async list(user: AuthUser, query: AuditQuery): Promise<Page<AuditEntry>> {
    requireRole(user, mayReadAudit(user), 'admin');
    const { cursor, limit, ...filter } = query;
    const rows = await this.repository.list(filter, cursor ? decodeAuditCursor(cursor) : null, limit + 1);
    const items = rows.slice(0, limit).map(toAuditEntry);
    return { items, nextCursor: rows.length > limit ? encodeAuditCursor(items[items.length - 1].id) : null };
  }
}
