import { z } from 'zod';
import { timestampSchema } from './common';
import { MARKINGS, type Marking } from './marking';
import type { AgencyRef } from './auth';
import { operationSchema, type Operation, type OperationParticipant } from './operations';
import type { OperationLessons } from './replay';
import { reportSchema, type Report, type ReportSummary } from './reports';
import type { AgencyRequest } from './requests';
import type { Task } from './tasks';
import type { ThreadMessage } from './threads';
import type { WatchedArea } from './watched-areas';
import type { Site } from './sites';
import { teamSchema, type Team, type TeamPosition } from './teams';

/**
 * The operation event log: every change to an operation's picture, in one strictly increasing
 * sequence per operation. The live feed, the catch-up after a reconnect and the REST
 * `/events` endpoint all deliver these, filtered by the handling-marking rule.
 */
interface EventBase {
  operationId: string;
  /** 1, 2, 3, … per operation, with no gap. */
  seq: number;
  at: string;
  actor: { userId: string; agencyId: string } | null;
  marking: Marking;
  originAgencyId: string;
  recipientAgencyIds: string[];
}

/**
 * The operation as its `operation.updated` event carries it to every member: without `myRole`,
 * which is each reader's own (a client keeps the one its snapshot gave it).
 */
export type OperationUpdate = Omit<Operation, 'myRole'>;

export type OperationEventData =
  | { type: 'operation.updated'; operation: OperationUpdate }
  | { type: 'operation.participant_added'; participant: OperationParticipant }
  /** `agency` names it for the timeline (the removed agency is no longer among the participants). */
  | { type: 'operation.participant_removed'; agencyId: string; agency?: AgencyRef }
  | { type: 'operation.site_attached'; site: Site }
  | { type: 'operation.site_detached'; siteId: string }
  | { type: 'team.created'; team: Team }
  | { type: 'team.updated'; team: Team }
  | { type: 'report.created'; report: Report }
  | { type: 'report.updated'; report: Report }
  | { type: 'task.created'; task: Task }
  | { type: 'task.updated'; task: Task }
  /** Not acknowledged by its deadline: flagged, and an alert for the users named (the task's author). */
  | { type: 'task.overdue'; task: Task; alertUserIds: string[] }
  /** A team tasked to patrol or hold an area was seen outside it: an alert for the users named (the task's author). */
  | { type: 'task.left_area'; task: Task; alertUserIds: string[]; position: { lat: number; lon: number; at: string } }
  /** A commander marked an area watched (alerted when no team has been in it for its threshold). */
  | { type: 'watched_area.created'; watchedArea: WatchedArea }
  | { type: 'watched_area.removed'; watchedAreaId: string }
  /** No team of the operation in the watched area for its threshold: an alert for the users named (its author). Once per lapse. */
  | { type: 'watched_area.lapsed'; watchedArea: WatchedArea; alertUserIds: string[] }
  | { type: 'request.created'; request: AgencyRequest }
  | { type: 'request.updated'; request: AgencyRequest }
  /**
   * An unanswered request past its deadline, escalated to the lead agency. Marked TLP:AMBER+STRICT
   * from the requesting agency (it and the lead see it) and carrying no subject or details, so
   * that it discloses nothing of a TLP:RED request the lead was not named on.
   */
  | { type: 'request.escalated'; requestId: string; fromAgencyId: string; toAgencyId: string; answerDueAt: string }
  /** A message in the thread of a task or a request, marked like its subject. */
  | { type: 'thread.message'; message: ThreadMessage }
  /**
   * The lessons and improvement actions of the after-action report, saved (the whole list). Marked
   * as the lessons are, originated by the lead agency: who may read them sees the change live.
   */
  | { type: 'operation.lessons_saved'; lessons: OperationLessons };

export type OperationEventType = OperationEventData['type'];
export type OperationEvent = EventBase & OperationEventData;

export const OPERATION_EVENT_TYPES = [
  'operation.updated',
  'operation.participant_added',
  'operation.participant_removed',
  'operation.site_attached',
  'operation.site_detached',
  'team.created',
  'team.updated',
  'report.created',
  'report.updated',
  'task.created',
  'task.updated',
  'task.overdue',
  'task.left_area',
  'watched_area.created',
  'watched_area.removed',
  'watched_area.lapsed',
  'request.created',
  'request.updated',
  'request.escalated',
  'thread.message',
  'operation.lessons_saved',
] as const satisfies readonly OperationEventType[];

/**
 * An event as the OpenAPI document describes it: the envelope every event has and its `type`; the
 * payload of each type (`report`, `team`, `task` …) is `OperationEventData`, documented per type in
 * the AsyncAPI document. Typed as `OperationEvent` so that an answer's inferred type keeps the
 * payloads (the schema only documents answers; no request is parsed with it).
 */
export const operationEventSchema = z.looseObject({
  operationId: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ userId: z.string(), agencyId: z.string() }).nullable(),
  marking: z.enum(MARKINGS),
  originAgencyId: z.string(),
  recipientAgencyIds: z.array(z.string()),
  type: z.enum(OPERATION_EVENT_TYPES),
}) as unknown as z.ZodType<OperationEvent>;

/**
 * One page of a catch-up, one Socket.IO packet: the events the viewer may see, in seq order, with
 * no event of an earlier page repeated. A client applies the page as one step (all or nothing).
 */
export interface OperationEventPage {
  operationId: string;
  events: OperationEvent[];
}

/** Latest-value position updates; not in the event log, batched per operation. */
export interface TeamPositionsMessage {
  operationId: string;
  positions: TeamPosition[];
}

/** Everything needed to draw the map of one operation now, in one request. */
export const operationSnapshotSchema = z.object({
  operation: operationSchema,
  teams: z.array(teamSchema),
  /** Reports visible to the caller, newest first (capped; the rest through `/reports`). */
  reports: z.array(reportSchema),
  /** The sequence number this snapshot is consistent with: subscribe with it as `sinceSeq`. */
  seq: z.number(),
});
export type OperationSnapshot = z.infer<typeof operationSnapshotSchema>;

/**
 * The compact snapshot (`?compact=1`): the same, with each report in its summary form — what a
 * first screen draws. The same reports as the full snapshot (the same marking filter and order).
 */
export interface CompactOperationSnapshot extends Omit<OperationSnapshot, 'reports'> {
  reports: ReportSummary[];
  compact: true;
}

/** The most reports a snapshot carries; older ones come from `GET /operations/:id/reports`. */
export const SNAPSHOT_REPORT_LIMIT = 5000;

/**
 * `GET /operations/:id/snapshot` query. `reports`: how many of the newest visible reports to carry
 * (default and at most `SNAPSHOT_REPORT_LIMIT`): a first screen asks for what it draws and pages
 * the rest in after its first draw. `at`: the operation as it was at that moment (replay), rebuilt
 * from the event log; without it, the snapshot of now. `compact=1`: reports in their summary form
 * (`CompactOperationSnapshot`); without it, full reports, as other clients have always had them.
 */
export const snapshotQuerySchema = z.strictObject({
  reports: z.coerce.number().int().min(0).max(SNAPSHOT_REPORT_LIMIT).default(SNAPSHOT_REPORT_LIMIT),
  at: timestampSchema.optional(),
  compact: z
    .enum(['0', '1'], { message: 'compact is 0 or 1' })
    .default('0')
    .transform((value) => value === '1'),
});
/** What a client sends: every field optional. */
export type SnapshotQuery = Partial<Omit<z.infer<typeof snapshotQuerySchema>, 'compact'>>;

/** `GET /operations/:id/events`: the log after `sinceSeq`, as far as the caller may see it. */
export const eventLogQuerySchema = z.strictObject({
  sinceSeq: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventLogQuery = z.infer<typeof eventLogQuerySchema>;

export interface EventLogPage {
  /** Visible events after `sinceSeq`, in seq order. */
  items: OperationEvent[];
  /** Pass as `sinceSeq` for the next page; null when this page reached the end of the log. */
  nextSeq: number | null;
  /** The operation's latest seq (visible or not) when the page was read. */
  lastSeq: number;
}
