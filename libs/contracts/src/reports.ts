import { z } from 'zod';
import { REPORT_SUMMARY_FIELDS } from './report-summary';
import { ISSUE_MESSAGES } from './issue-messages';
import {
  INTERCEPTION_KINDS,
  REPORT_KINDS,
  REPORT_STATUSES,
  type InterceptionKind,
  type ReportKind,
} from './enums';
import { MARKINGS, type Marking } from './marking';
import { recipientsAllowed } from './policy/recipients';
import { bboxSchema, latitudeSchema, longitudeSchema } from './geo';
import { cursorPageQuerySchema, nameSchema, narrativeSchema, pastTimestampSchema, textSchema, timestampSchema } from './common';
import { agencyRefSchema } from './auth';

const count = z.number().int().min(0, ISSUE_MESSAGES.not_negative).max(100_000);

export const interceptionDetailsSchema = z
  .strictObject({
    interceptionKind: z.enum(INTERCEPTION_KINDS),
    persons: count,
    suspects: count.default(0),
    presumedVictims: count.default(0),
    minors: count.default(0),
    /** ISO 3166-1 alpha-2 codes. */
    nationalities: z.array(z.string().regex(/^[A-Z]{2}$/, ISSUE_MESSAGES.nationality_codes)).max(50).default([]),
    documentsSeized: count.default(0),
  })
  .refine((d) => d.minors <= d.persons, { message: ISSUE_MESSAGES.minors_exceed_persons, path: ['minors'] })
  .refine((d) => d.presumedVictims <= d.persons, { message: ISSUE_MESSAGES.victims_exceed_persons, path: ['presumedVictims'] });
export type InterceptionDetails = z.infer<typeof interceptionDetailsSchema>;

export const reportChangeSchema = z.object({
  at: z.string(),
  by: z.object({ userId: z.string(), name: z.string(), agencyCode: z.string() }),
  /** `created`, `amended`, `verified`, `rejected`. */
  action: z.enum(['created', 'amended', 'verified', 'rejected']),
  /** Field name → [before, after]. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  reason: z.string().nullable(),
});
export type ReportChange = z.infer<typeof reportChangeSchema>;

/** A report as the API answers it. */
export const reportSchema = z.object({
  id: z.string(),
  /** The client-generated id that made the create idempotent. */
  clientId: z.string(),
  operationId: z.string(),
  kind: z.enum(REPORT_KINDS),
  status: z.enum(REPORT_STATUSES),
  title: z.string(),
  narrative: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  siteId: z.string().nullable(),
  occurredAt: z.string(),
  receivedAt: z.string(),
  originAgency: agencyRefSchema,
  teamId: z.string().nullable(),
  authorUserId: z.string(),
  marking: z.enum(MARKINGS),
  recipientAgencyIds: z.array(z.string()),
  interception: interceptionDetailsSchema.nullable(),
  statusReason: z.string().nullable(),
  statusBy: z.string().nullable(),
  statusAt: z.string().nullable(),
  updatedAt: z.string(),
  /** The operation event sequence number of the latest change. */
  version: z.number(),
});
export type Report = z.infer<typeof reportSchema>;

export const reportWithHistorySchema = reportSchema.extend({ history: z.array(reportChangeSchema) });
export type ReportWithHistory = z.infer<typeof reportWithHistorySchema>;

/** A report in its summary form as the API answers it (the compact snapshot's reports): `REPORT_SUMMARY_FIELDS` of `reportSchema`. */
export const reportSummarySchema = reportSchema.pick(
  Object.fromEntries(REPORT_SUMMARY_FIELDS.map((field) => [field, true])) as { [K in (typeof REPORT_SUMMARY_FIELDS)[number]]: true },
);
export type ReportSummary = z.infer<typeof reportSummarySchema>;

const reportBody = {
  kind: z.enum(REPORT_KINDS),
  title: nameSchema,
  narrative: narrativeSchema.default(''),
  lat: latitudeSchema.nullable().default(null),
  lon: longitudeSchema.nullable().default(null),
  siteId: z.uuid().nullable().default(null),
  occurredAt: pastTimestampSchema,
  teamId: z.uuid().nullable().default(null),
  marking: z.enum(MARKINGS).default('TLP:AMBER'),
  recipientAgencyIds: z.array(z.uuid()).max(50).default([]),
  interception: interceptionDetailsSchema.nullable().default(null),
};

function reportRules(
  value: { kind?: ReportKind; lat?: number | null; lon?: number | null; marking?: Marking; recipientAgencyIds?: string[]; interception?: InterceptionDetails | null },
  ctx: z.RefinementCtx,
): void {
  if ((value.lat === null) !== (value.lon === null)) {
    ctx.addIssue({ code: 'custom', path: ['lat'], message: ISSUE_MESSAGES.lat_lon_together });
  }
  if (value.kind === 'interception' && !value.interception) {
    ctx.addIssue({ code: 'custom', path: ['interception'], message: ISSUE_MESSAGES.interception_needs_counts });
  }
  if (value.kind !== undefined && value.kind !== 'interception' && value.interception) {
    ctx.addIssue({ code: 'custom', path: ['interception'], message: ISSUE_MESSAGES.only_interception_counts });
  }
  if (value.marking !== undefined && !recipientsAllowed(value.marking, value.recipientAgencyIds ?? [])) {
    ctx.addIssue({ code: 'custom', path: ['recipientAgencyIds'], message: ISSUE_MESSAGES.recipients_only_red });
  }
}

export const createReportSchema = z
  .strictObject({ clientId: z.uuid('clientId must be a UUID generated by the client'), ...reportBody })
  .superRefine(reportRules);
export type CreateReport = z.infer<typeof createReportSchema>;
/** What a client may send: the fields with a default may be left out. */
export type CreateReportInput = z.input<typeof createReportSchema>;

/** Amending keeps kind and origin; the marking may be changed by the originating agency. */
export const amendReportSchema = z
  .strictObject({
    title: reportBody.title,
    narrative: narrativeSchema,
    lat: latitudeSchema.nullable(),
    lon: longitudeSchema.nullable(),
    siteId: z.uuid().nullable(),
    occurredAt: pastTimestampSchema,
    marking: z.enum(MARKINGS),
    recipientAgencyIds: z.array(z.uuid()).max(50),
    interception: interceptionDetailsSchema,
    /** The version the client amended; a stale one answers 409. */
    expectedVersion: z.number().int().min(0).optional(),
  })
  .partial()
  .superRefine(reportRules);
export type AmendReport = z.infer<typeof amendReportSchema>;

export const verifyReportSchema = z.strictObject({ reason: narrativeSchema.max(2000).optional() });
export type VerifyReport = z.infer<typeof verifyReportSchema>;
export const rejectReportSchema = z.strictObject({
  reason: textSchema.trim().min(1, ISSUE_MESSAGES.rejection_needs_reason).max(2000),
});
export type RejectReport = z.infer<typeof rejectReportSchema>;

/** A comma-separated query parameter of known values (`kind=interception,alert`). */
export const commaListSchema = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const reportQuerySchema = cursorPageQuerySchema.extend({
  kind: commaListSchema(REPORT_KINDS).optional(),
  status: commaListSchema(REPORT_STATUSES).optional(),
  marking: commaListSchema(MARKINGS).optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  bbox: bboxSchema.optional(),
  teamId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export type { InterceptionKind };
