import { z } from 'zod';
import { timestampSchema } from './common';
import { operationEventSchema, type OperationEvent } from './events';
import { timeZoneSchema } from './operations';
import { TIME_DISPLAYS } from './languages';

/**
 * Replay: an operation as it was at a moment, and the events and tracks of a window, rebuilt from
 * the event log and the stored positions and filtered by the handling-marking rule exactly as the
 * live feed is (the marking an item had at the moment decides, not the one it has now).
 */

/* `GET /operations/:id/snapshot?at=…` is `snapshotQuerySchema` in events.ts. */

/** The longest window one request may ask for (a long operation is read window by window). */
export const REPLAY_WINDOW_MAX_MS = 7 * 24 * 60 * 60 * 1000;

const periodIsOrdered = (value: { from?: string; to?: string }) => !value.from || !value.to || Date.parse(value.from) < Date.parse(value.to);

/** `GET /operations/:id/replay?from=…&to=…`: the events and thinned tracks of a window. */
export const replayWindowQuerySchema = z
  .strictObject({
    from: timestampSchema,
    to: timestampSchema,
    /**
     * Track points per team at most: one per `(to − from) / points` of clock time. The player asks
     * for more when zoomed into a short window and fewer for the whole operation.
     */
    points: z.coerce.number().int().min(2).max(2000).default(240),
  })
  .refine(periodIsOrdered, { message: 'from must be before to', path: ['to'] })
  .refine((value) => Date.parse(value.to) - Date.parse(value.from) <= REPLAY_WINDOW_MAX_MS, {
    message: 'the window may be at most 7 days long',
    path: ['to'],
  });
export type ReplayWindowQuery = z.infer<typeof replayWindowQuerySchema>;

export const replayTrackPointSchema = z.object({ lat: z.number(), lon: z.number(), at: z.string() });
export type ReplayTrackPoint = z.infer<typeof replayTrackPointSchema>;

export const replayTrackSchema = z.object({
  teamId: z.string(),
  /** Oldest first, thinned to at most one point per time step of the window. */
  points: z.array(replayTrackPointSchema),
});
export type ReplayTrack = z.infer<typeof replayTrackSchema>;

/** What the time bar marks. */
export const REPLAY_MARK_KINDS = ['alert', 'verdict', 'team-status', 'operation-status'] as const;
export type ReplayMarkKind = (typeof REPLAY_MARK_KINDS)[number];

export const replayMarkSchema = z.object({ seq: z.number(), at: z.string(), kind: z.enum(REPLAY_MARK_KINDS) });
export type ReplayMark = z.infer<typeof replayMarkSchema>;

/**
 * An item the viewer saw that its next event took out of the viewer's sight (raised to a marking
 * the viewer may not see). The window carries these beside its visible events: the player folds
 * only what the server gave this viewer, and this is how it learns that an item has gone, without
 * learning what the hidden event says.
 */
export const replayWithdrawalSchema = z.object({ itemId: z.string(), seq: z.number(), at: z.string() });
export type ReplayWithdrawal = z.infer<typeof replayWithdrawalSchema>;

export const replayWindowSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The visible events of the window, in seq order (capped at `REPLAY_EVENT_LIMIT`; `truncated` says so). */
  events: z.array(operationEventSchema),
  truncated: z.boolean(),
  /**
   * Items the caller saw that an event of the window took out of its sight (raised), in seq order:
   * the player removes them from then on, as the state at a moment does (`foldReplay`).
   */
  withdrawals: z.array(replayWithdrawalSchema),
  /** Alerts and status changes among the events, for the time bar. */
  marks: z.array(replayMarkSchema),
  tracks: z.array(replayTrackSchema),
});
export type ReplayWindow = z.infer<typeof replayWindowSchema>;

export const REPLAY_EVENT_LIMIT = 20_000;

/** Events the time bar marks, and how. */
export function replayMarkOf(event: OperationEvent, previousTeamStatus?: string): ReplayMarkKind | null {
  switch (event.type) {
    case 'report.created':
      return event.report.kind === 'alert' ? 'alert' : null;
    case 'report.updated':
      return event.report.statusAt === event.at && event.report.status !== 'reported' ? 'verdict' : null;
    case 'team.updated':
      return previousTeamStatus === undefined || previousTeamStatus !== event.team.status ? 'team-status' : null;
    case 'operation.updated':
      return 'operation-status';
    default:
      return null;
  }
}

/**
 * `GET /operations/:id/after-action-report?from=…&to=…`: the period defaults to the operation's;
 * language and times default to the caller's saved preferences.
 */
export const afterActionQuerySchema = z
  .strictObject({
    from: timestampSchema.optional(),
    to: timestampSchema.optional(),
    /** The report's language (BCP 47: `th`, `th-TH`, `fil`); for one Lintas does not speak, the caller's saved one, else English. */
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2})?$/).optional(),
    /** Times in `utc`, or `local`: in `timeZone`, else in the operation's time zone. */
    time: z.enum(TIME_DISPLAYS).optional(),
    /** The reader's own time zone (IANA), for `local` times. */
    timeZone: timeZoneSchema.optional(),
  })
  .refine(periodIsOrdered, { message: 'from must be before to', path: ['to'] });
export type AfterActionQuery = z.infer<typeof afterActionQuerySchema>;
