import { z } from 'zod';
import { ISSUE_MESSAGES } from './issue-messages';
import { OPERATION_ROLES, OPERATION_STATUSES } from './enums';
import { polygonSchema } from './geo';
import { nameSchema, narrativeSchema, timestampSchema } from './common';
import { agencyRefSchema } from './auth';
import { siteSchema } from './sites';

export const operationParticipantSchema = z.object({ agency: agencyRefSchema, role: z.enum(OPERATION_ROLES) });
export type OperationParticipant = z.infer<typeof operationParticipantSchema>;

const operationHeading = {
  id: z.string(),
  /** Short code, e.g. `OP-MEKONG-24`. */
  code: z.string(),
  /** Code name shown to people. */
  name: z.string(),
  status: z.enum(OPERATION_STATUSES),
  exercise: z.boolean(),
  leadAgency: agencyRefSchema,
  /** The caller's agency's role in this operation. */
  myRole: z.enum(OPERATION_ROLES),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
};

export const operationSummarySchema = z.object({
  ...operationHeading,
  counts: z.object({ teams: z.number(), reportsToday: z.number(), openAlerts: z.number() }).optional(),
});
export type OperationSummary = z.infer<typeof operationSummarySchema>;

export const operationSchema = z.object({
  ...operationHeading,
  description: z.string(),
  timeZone: z.string(),
  area: polygonSchema.nullable(),
  participants: z.array(operationParticipantSchema),
  sites: z.array(siteSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Operation = z.infer<typeof operationSchema>;

/** An IANA time zone name, as `Intl` knows it. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, ISSUE_MESSAGES.time_zone);

/**
 * An operation's time zone when its creator names none: that of the lead agency's country (the
 * capital's zone where a country has several, as Indonesia does), else UTC (an international
 * organisation leads).
 */
export const COUNTRY_TIME_ZONES: Readonly<Record<string, string>> = {
  BN: 'Asia/Brunei',
  KH: 'Asia/Phnom_Penh',
  ID: 'Asia/Jakarta',
  LA: 'Asia/Vientiane',
  MY: 'Asia/Kuala_Lumpur',
  MM: 'Asia/Yangon',
  PH: 'Asia/Manila',
  SG: 'Asia/Singapore',
  TH: 'Asia/Bangkok',
  VN: 'Asia/Ho_Chi_Minh',
  TL: 'Asia/Dili',
};

export function defaultTimeZone(country: string | null): string {
  return (country && COUNTRY_TIME_ZONES[country]) || 'UTC';
}

const operationFields = {
  code: z.string().trim().regex(/^[A-Z0-9-]{3,32}$/, ISSUE_MESSAGES.operation_code),
  name: nameSchema,
  description: narrativeSchema.default(''),
  exercise: z.boolean().default(false),
  /** Left out: the lead agency's country's zone (`defaultTimeZone`). */
  timeZone: timeZoneSchema.optional(),
  startsAt: timestampSchema.nullable().default(null),
  endsAt: timestampSchema.nullable().default(null),
  area: polygonSchema.nullable().default(null),
};

function endsAfterStart(value: { startsAt?: string | null; endsAt?: string | null }): boolean {
  return !value.startsAt || !value.endsAt || Date.parse(value.endsAt) > Date.parse(value.startsAt);
}

/** The lead agency is the creator's agency. */
export const createOperationSchema = z
  .strictObject(operationFields)
  .refine(endsAfterStart, { message: ISSUE_MESSAGES.ends_after_starts, path: ['endsAt'] });
export type CreateOperation = z.infer<typeof createOperationSchema>;

export const updateOperationSchema = z
  .strictObject({
    name: operationFields.name,
    description: narrativeSchema,
    timeZone: timeZoneSchema,
    startsAt: timestampSchema.nullable(),
    endsAt: timestampSchema.nullable(),
    area: polygonSchema.nullable(),
  })
  .partial()
  .refine(endsAfterStart, { message: ISSUE_MESSAGES.ends_after_starts, path: ['endsAt'] });
export type UpdateOperation = z.infer<typeof updateOperationSchema>;

export const transitionOperationSchema = z.strictObject({ status: z.enum(OPERATION_STATUSES) });
export type TransitionOperation = z.infer<typeof transitionOperationSchema>;

/** Adding the lead is not possible: there is one lead, the creator's agency. */
export const addParticipantSchema = z.strictObject({
  agencyId: z.uuid(),
  role: z.enum(OPERATION_ROLES).exclude(['lead']),
});
export type AddParticipant = z.infer<typeof addParticipantSchema>;

export const attachSiteSchema = z.strictObject({ siteId: z.uuid() });
export type AttachSite = z.infer<typeof attachSiteSchema>;
