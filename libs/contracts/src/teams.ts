import { z } from 'zod';
import { ISSUE_MESSAGES } from './issue-messages';
import { TEAM_STATUSES } from './enums';
import { MARKINGS } from './marking';
import { latitudeSchema, longitudeSchema } from './geo';
import { pastTimestampSchema } from './common';
import { agencyRefSchema } from './auth';
import { recipientsAllowed } from './policy/recipients';

export const teamMemberSchema = z.object({ userId: z.string(), name: z.string() });
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamPositionSchema = z.object({
  teamId: z.string(),
  lat: z.number(),
  lon: z.number(),
  /** Degrees clockwise from north, or null when unknown. */
  heading: z.number().nullable(),
  /** Metres per second, or null when unknown. */
  speed: z.number().nullable(),
  /** Metres, or null when unknown. */
  accuracy: z.number().nullable(),
  /** When the position was taken on the device. */
  at: z.string(),
});
export type TeamPosition = z.infer<typeof teamPositionSchema>;

export const teamSchema = z.object({
  id: z.string(),
  operationId: z.string(),
  agency: agencyRefSchema,
  callSign: z.string(),
  size: z.number(),
  status: z.enum(TEAM_STATUSES),
  siteId: z.string().nullable(),
  members: z.array(teamMemberSchema),
  marking: z.enum(MARKINGS),
  recipientAgencyIds: z.array(z.string()),
  lastPosition: teamPositionSchema.nullable(),
  /** True when the last position is older than the configured age (or there is none). */
  stale: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Team = z.infer<typeof teamSchema>;

const recipientsSchema = z.array(z.uuid()).max(50).default([]);

const teamFields = {
  callSign: z.string().trim().regex(/^[A-Za-z0-9 -]{2,32}$/, ISSUE_MESSAGES.call_sign),
  size: z.number().int().min(1).max(500),
  status: z.enum(TEAM_STATUSES).default('off_duty'),
  siteId: z.uuid().nullable().default(null),
  memberUserIds: z.array(z.uuid()).max(100).default([]),
  marking: z.enum(MARKINGS).default('TLP:GREEN'),
  recipientAgencyIds: recipientsSchema,
};

/** A team belongs to the creator's agency. */
export const createTeamSchema = z.strictObject(teamFields).superRefine((value, ctx) => {
  if (!recipientsAllowed(value.marking, value.recipientAgencyIds)) {
    ctx.addIssue({ code: 'custom', path: ['recipientAgencyIds'], message: ISSUE_MESSAGES.recipients_only_red });
  }
});
export type CreateTeam = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = z
  .strictObject({
    callSign: teamFields.callSign,
    size: teamFields.size,
    status: z.enum(TEAM_STATUSES),
    siteId: z.uuid().nullable(),
    memberUserIds: z.array(z.uuid()).max(100),
  })
  .partial();
export type UpdateTeam = z.infer<typeof updateTeamSchema>;

export const teamStatusSchema = z.strictObject({ status: z.enum(TEAM_STATUSES) });

export const positionInputSchema = z.strictObject({
  lat: latitudeSchema,
  lon: longitudeSchema,
  heading: z.number().min(0).max(360).nullable().default(null),
  speed: z.number().min(0).max(500).nullable().default(null),
  accuracy: z.number().min(0).max(100_000).nullable().default(null),
  at: pastTimestampSchema,
});
export type PositionInput = z.infer<typeof positionInputSchema>;

/** Several positions of one team, oldest first: what an outbox sends after being offline. */
export const positionBatchSchema = z.strictObject({
  positions: z.array(positionInputSchema).min(1).max(1000),
});
export type PositionBatch = z.infer<typeof positionBatchSchema>;
/** What a client may send: an unknown heading, speed or accuracy may be left out. */
export type PositionBatchInput = z.input<typeof positionBatchSchema>;
