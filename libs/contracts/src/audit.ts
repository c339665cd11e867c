import { z } from 'zod';
import { pageSchema, textSchema, timestampSchema } from './common';

/** One line of the append-only audit trail: who did (or read) what, when. */
export const auditEntrySchema = z.object({
  /** Increasing with time; also what the page cursor is made of. */
  id: z.string(),
  at: z.string(),
  /** Null for the system (the demo seeder) or an unknown account (a failed sign-in). */
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  agency: z.object({ id: z.string(), code: z.string() }).nullable(),
  /** e.g. `user.create`, `report.read`, `operation.participant_add`, `auth.login_failed` */
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  operation: z.object({ id: z.string(), code: z.string() }).nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** `GET /api/audit`'s answer: newest first; `nextCursor` goes back as `cursor`. */
export const auditPageSchema = pageSchema(auditEntrySchema);

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
