import { z } from 'zod';
import { timestampSchema } from './common';
import { MARKINGS, type Marking } from './marking';
import { agencyRefSchema, type AgencyRef } from './auth';
import { operationLessonsSchema, type OperationLessons } from './lessons';
import { operationParticipantSchema, operationSchema, type Operation, type OperationParticipant } from './operations';
import { reportSchema, reportSummarySchema, type Report } from './reports';
import { agencyRequestSchema, type AgencyRequest } from './requests';
import { taskSchema, type Task } from './tasks';
import { threadMessageSchema, type ThreadMessage } from './threads';
import { watchedAreaSchema, type WatchedArea } from './watched-areas';
import { siteSchema, type Site } from './sites';
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

const eventBaseSchema = z.object({
  operationId: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ userId: z.string(), agencyId: z.string() }).nullable(),
  marking: z.enum(MARKINGS),
  originAgencyId: z.string(),
  recipientAgencyIds: z.array(z.string()),
});

const alertUserIds = z.array(z.string());

/**
 * An event of the log as the API answers it (`/replay`, `/events`): the same union as
 * `OperationEvent`, one variant per `type`, so that the OpenAPI document and the types generated
 * from it carry each payload. The check below keeps the two from drifting apart.
 */
export const operationEventSchema = z.discriminatedUnion('type', [
  eventBaseSchema.extend({ type: z.literal('operation.updated'), operation: operationSchema.omit({ myRole: true }) }),
  eventBaseSchema.extend({ type: z.literal('operation.participant_added'), participant: operationParticipantSchema }),
  eventBaseSchema.extend({ type: z.literal('operation.participant_removed'), agencyId: z.string(), agency: agencyRefSchema.optional() }),
  eventBaseSchema.extend({ type: z.literal('operation.site_attached'), site: siteSchema }),
  eventBaseSchema.extend({ type: z.literal('operation.site_detached'), siteId: z.string() }),
  eventBaseSchema.extend({ type: z.literal('team.created'), team: teamSchema }),
  eventBaseSchema.extend({ type: z.literal('team.updated'), team: teamSchema }),
  eventBaseSchema.extend({ type: z.literal('report.created'), report: reportSchema }),
  eventBaseSchema.extend({ type: z.literal('report.updated'), report: reportSchema }),
  eventBaseSchema.extend({ type: z.literal('task.created'), task: taskSchema }),
  eventBaseSchema.extend({ type: z.literal('task.updated'), task: taskSchema }),
  eventBaseSchema.extend({ type: z.literal('task.overdue'), task: taskSchema, alertUserIds }),
  eventBaseSchema.extend({
    type: z.literal('task.left_area'),
    task: taskSchema,
    alertUserIds,
    position: z.object({ lat: z.number(), lon: z.number(), at: z.string() }),
  }),
  eventBaseSchema.extend({ type: z.literal('watched_area.created'), watchedArea: watchedAreaSchema }),
  eventBaseSchema.extend({ type: z.literal('watched_area.removed'), watchedAreaId: z.string() }),
  eventBaseSchema.extend({ type: z.literal('watched_area.lapsed'), watchedArea: watchedAreaSchema, alertUserIds }),
  eventBaseSchema.extend({ type: z.literal('request.created'), request: agencyRequestSchema }),
  eventBaseSchema.extend({ type: z.literal('request.updated'), request: agencyRequestSchema }),
  eventBaseSchema.extend({
    type: z.literal('request.escalated'),
    requestId: z.string(),
    fromAgencyId: z.string(),
    toAgencyId: z.string(),
    answerDueAt: z.string(),
  }),
  eventBaseSchema.extend({ type: z.literal('thread.message'), message: threadMessageSchema }),
  eventBaseSchema.extend({ type: z.literal('operation.lessons_saved'), lessons: operationLessonsSchema }),
]);

/** Fails to compile when `operationEventSchema` and `OperationEvent` say different things. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventSchemaMatchesType: Same<z.infer<typeof operationEventSchema>, OperationEvent> = true;
void eventSchemaMatchesType;

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
export const compactOperationSnapshotSchema = operationSnapshotSchema.extend({
  reports: z.array(reportSummarySchema),
  /** Says which form this is: the full snapshot has no `compact`. */
  compact: z.literal(true),
});
export type CompactOperationSnapshot = z.infer<typeof compactOperationSnapshotSchema>;

/** What `GET /operations/:id/snapshot` answers: the full snapshot, or with `compact=1` the compact one. */
export const snapshotAnswerSchema = z.union([operationSnapshotSchema, compactOperationSnapshotSchema]);
export type SnapshotAnswer = z.infer<typeof snapshotAnswerSchema>;

// Defined without zod (see plain.ts) for the dashboard's early start.
export { isCompactSnapshot } from './snapshot-form';

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

export const eventLogPageSchema = z.object({
  /** Visible events after `sinceSeq`, in seq order. */
  items: z.array(operationEventSchema),
  /** Pass as `sinceSeq` for the next page; null when this page reached the end of the log. */
  nextSeq: z.number().nullable(),
  /** The operation's latest seq (visible or not) when the page was read. */
  lastSeq: z.number(),
});
export type EventLogPage = z.infer<typeof eventLogPageSchema>;
