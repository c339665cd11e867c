import { z } from 'zod';
import { timestampSchema } from './common';
import { teamPositionSchema } from './teams';

/**
 * Team positions beyond the live feed: the answer to a field outbox's batch upload
 * (`POST /operations/:operationId/teams/:teamId/positions` with `positionBatchSchema`) and the
 * track history used by replay (`GET` on the same path).
 */
export const positionBatchResultSchema = z.object({
  /** Positions in the batch. */
  accepted: z.number(),
  /** Positions newly stored; a position re-sent (same team, same `at`) is stored once. */
  stored: z.number(),
});
export type PositionBatchResult = z.infer<typeof positionBatchResultSchema>;

export const positionHistoryQuerySchema = z
  .strictObject({
    /** Positions taken at or after this time. */
    from: timestampSchema.optional(),
    /** Positions taken at or before this time. */
    to: timestampSchema.optional(),
    /** From a previous page's `nextCursor`. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    message: 'from must not be after to',
    path: ['from'],
  });
export type PositionHistoryQuery = z.infer<typeof positionHistoryQuerySchema>;

/** One team's track, oldest first. */
export const teamTrackPageSchema = z.object({
  teamId: z.string(),
  items: z.array(teamPositionSchema),
  /** Pass back as `cursor` (with the same from/to) for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TeamTrackPage = z.infer<typeof teamTrackPageSchema>;
