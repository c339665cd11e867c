import type { AuditEntry } from '@lintas/contracts';

export interface AuditRow {
  id: string;
  at: Date;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  agency_id: string | null;
  agency_code: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  operation_id: string | null;
  operation_code: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    user: row.user_id && row.user_name ? { id: row.user_id, name: row.user_name, email: row.user_email ?? '' } : null,
    agency: row.agency_id && row.agency_code ? { id: row.agency_id, code: row.agency_code } : null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    operation: row.operation_id ? { id: row.operation_id, code: row.operation_code ?? '' } : null,
    details: row.details ?? {},
    ip: row.ip,
  };
}
