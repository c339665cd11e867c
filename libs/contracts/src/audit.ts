import { z } from 'zod';
import { textSchema, timestampSchema } from './common';

/** One line of the append-only audit trail: who did (or read) what, when. */
export interface AuditEntry {
  /** Increasing with time; also what the page cursor is made of. */
  id: string;
  at: string;
  /** Null for the system (the demo seeder) or an unknown account (a failed sign-in). */
  user: { id: string; name: string; email: string } | null;
  agency: { id: string; code: string } | null;
  /** e.g. `user.create`, `report.read`, `operation.participant_add`, `auth.login_failed` */
  action: string;
  entityType: string;
  entityId: string | null;
  operation: { id: string; code: string } | null;
  details: Record<string, unknown>;
  ip: string | null;
}

/**
 * `GET /api/audit`: administrators only; newest first. `action` matches from the start
 * (`report` finds `report.create` and `report.read`); `from` inclusive, `to` exclusive.
 */
export const auditQuerySchema = z.strictObject({
  userId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  operationId: z.uuid().optional(),
  action: textSchema.trim().min(1).max(64).optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
