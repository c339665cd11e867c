import type { OperationRole, RequestState, TaskKind, TaskState } from '../enums';
import { canView, type MarkedItem, type Viewer } from '../marking';
import { isCommanding, type Actor } from './actor';

/**
 * Tasks and requests between agencies: their state machines, who may move them, and the marking
 * checks that keep them visible to whoever they are addressed to. One home for these rules: the
 * API decides with them, the dashboard shows actions with them.
 */

/** assigned → acknowledged → in progress → done; unable (with a reason) or cancelled from any open state. */
export const TASK_TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  assigned: ['acknowledged', 'unable', 'cancelled'],
  // A short task may be reported done straight after its acknowledgement.
  acknowledged: ['in_progress', 'done', 'unable', 'cancelled'],
  in_progress: ['done', 'unable', 'cancelled'],
  done: [],
  unable: [],
  cancelled: [],
};

export function canTransitionTask(from: TaskState, to: TaskState): boolean {
  return TASK_TRANSITIONS[from].includes(to);
}

export function isTaskOpen(state: TaskState): boolean {
  return TASK_TRANSITIONS[state].length > 0;
}

/** Still assigned (not acknowledged) when the acknowledgement deadline has passed. */
export function isTaskOverdue(task: { state: TaskState; ackDueAt: string }, now: Date): boolean {
  return task.state === 'assigned' && now.getTime() >= Date.parse(task.ackDueAt);
}

export interface TaskingStanding {
  /** The actor's agency's role in the operation. */
  actorOperationRole: OperationRole;
  teamAgencyId: string;
  /** The team's agency lets the lead agency task its teams in this operation (its setting). */
  leadMayTaskTeamAgency: boolean;
}

export type TaskingRefusal = 'commander_required' | 'lead_tasking_not_allowed' | 'own_agency_team_required';

/**
 * Why the actor may not give a task to the team, or null when it may: a commander (or admin) of
 * the team's agency, or of the lead agency where the team's agency allows it in the operation.
 */
export function taskingRefusal(actor: Pick<Actor, 'role' | 'agencyId'>, standing: TaskingStanding): TaskingRefusal | null {
  if (!isCommanding(actor)) return 'commander_required';
  if (actor.agencyId === standing.teamAgencyId) return null;
  if (standing.actorOperationRole === 'lead') return standing.leadMayTaskTeamAgency ? null : 'lead_tasking_not_allowed';
  return 'own_agency_team_required';
}

/** Kinds of task that keep a team inside an area (the geofence applies to them). */
export const AREA_TASK_KINDS: readonly TaskKind[] = ['patrol', 'hold'];

/** Ray casting over one ring of [lon, lat] positions (closed or not); a point on the edge may go either way. */
export function isInsideArea(point: { lat: number; lon: number }, ring: readonly (readonly [number, number])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * A team tasked to patrol or hold an area, working the task (acknowledged or in progress), whose
 * last position is outside the area: the task's author is alerted.
 */
export function isOutsideTaskArea(
  task: { kind: TaskKind; state: TaskState; target: { area: readonly (readonly [number, number])[] | null } },
  position: { lat: number; lon: number } | null,
): boolean {
  if (!AREA_TASK_KINDS.includes(task.kind) || (task.state !== 'acknowledged' && task.state !== 'in_progress')) return false;
  if (!task.target.area || task.target.area.length < 3 || !position) return false;
  return !isInsideArea(position, task.target.area);
}

/** Whether the lead may task its teams is each participating agency's own setting, set by its commanders. */
export function mayChangeTaskingConsent(actor: Pick<Actor, 'role'>, actorOperationRole: OperationRole): boolean {
  return isCommanding(actor) && actorOperationRole === 'participant';
}

export interface TaskStanding {
  originAgencyId: string;
  teamAgencyId: string;
  /** The actor is one of the team's members. */
  isTeamMember: boolean;
}

export type TaskTransitionRefusal = 'task_team_required' | 'task_origin_commander_required';

/**
 * Why the actor may not move the task to `to` (whether the move itself is allowed is
 * `canTransitionTask`). The team works it: its members, or a commander of its agency; the
 * tasking agency's commanders cancel it.
 */
export function taskTransitionRefusal(actor: Pick<Actor, 'role' | 'agencyId'>, task: TaskStanding, to: TaskState): TaskTransitionRefusal | null {
  if (to === 'cancelled') return isCommanding(actor) && actor.agencyId === task.originAgencyId ? null : 'task_origin_commander_required';
  if (actor.agencyId !== task.teamAgencyId) return 'task_team_required';
  if (isCommanding(actor)) return null;
  return actor.role === 'field' && task.isTeamMember ? null : 'task_team_required';
}

export function mayTransitionTask(actor: Pick<Actor, 'role' | 'agencyId'>, task: TaskStanding, from: TaskState, to: TaskState): boolean {
  return canTransitionTask(from, to) && taskTransitionRefusal(actor, task, to) === null;
}

/** An item addressed to an agency (a task to its team, a request to it) must be visible to that agency under its marking. */
export function hiddenFromAddressee(item: MarkedItem, addressee: Viewer): boolean {
  return !canView(item, addressee);
}

/**
 * An item naming another (a task its team) must not reach anyone the named item is hidden from:
 * true when some agency of the operation could see `item` but not `referenced`.
 */
export function disclosesHiddenReference(item: MarkedItem, referenced: MarkedItem, agencies: readonly Viewer[]): boolean {
  return agencies.some((viewer) => canView(item, viewer) && !canView(referenced, viewer));
}

// ---- Requests between agencies ----

export const REQUEST_TRANSITIONS: Readonly<Record<RequestState, readonly RequestState[]>> = {
  open: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  declined: [],
  cancelled: [],
  completed: [],
};

export function canTransitionRequest(from: RequestState, to: RequestState): boolean {
  return REQUEST_TRANSITIONS[from].includes(to);
}

/** Still open (neither accepted nor declined) when the answer deadline has passed. */
export function isRequestOverdue(request: { state: RequestState; answerDueAt: string }, now: Date): boolean {
  return request.state === 'open' && now.getTime() >= Date.parse(request.answerDueAt);
}

export interface RequestStanding {
  fromAgencyId: string;
  toAgencyId: string;
}

export type RequestRefusal =
  | 'commander_required'
  | 'request_addressee_commander_required'
  | 'request_origin_commander_required'
  | 'request_party_commander_required';

/** Sending a request: a commander (or admin) of a writing agency (observers are refused before, as for every write). */
export function mayRequest(actor: Pick<Actor, 'role'>): boolean {
  return isCommanding(actor);
}

/** A request goes to another agency of the operation that is not an observer. */
export function isValidAddressee(fromAgencyId: string, to: { agencyId: string; role: OperationRole } | null): boolean {
  return to !== null && to.agencyId !== fromAgencyId && to.role !== 'observer';
}

/**
 * Why the actor may not move the request to `to`: the receiving agency's commanders accept or
 * decline, the requesting agency's cancel, either side completes.
 */
export function requestTransitionRefusal(actor: Pick<Actor, 'role' | 'agencyId'>, request: RequestStanding, to: RequestState): RequestRefusal | null {
  if (!isCommanding(actor)) return 'commander_required';
  switch (to) {
    case 'accepted':
    case 'declined':
      return actor.agencyId === request.toAgencyId ? null : 'request_addressee_commander_required';
    case 'cancelled':
      return actor.agencyId === request.fromAgencyId ? null : 'request_origin_commander_required';
    default:
      return isRequestParty(actor, request) ? null : 'request_party_commander_required';
  }
}

/** Recording or confirming the hand-over: a commander of either agency of the request. */
export function handoverRefusal(actor: Pick<Actor, 'role' | 'agencyId'>, request: RequestStanding): RequestRefusal | null {
  if (!isCommanding(actor)) return 'commander_required';
  return isRequestParty(actor, request) ? null : 'request_party_commander_required';
}

/** Tasks answering an accepted request are given by the receiving agency to its own teams. */
export function mayTaskForRequest(actor: Pick<Actor, 'agencyId'>, request: RequestStanding & { state: RequestState }, teamAgencyId: string): boolean {
  return request.state === 'accepted' && actor.agencyId === request.toAgencyId && teamAgencyId === request.toAgencyId;
}

function isRequestParty(actor: Pick<Actor, 'agencyId'>, request: RequestStanding): boolean {
  return actor.agencyId === request.fromAgencyId || actor.agencyId === request.toAgencyId;
}

/**
 * Writing in the thread of a task or a request: anyone who may see its subject and write into the
 * operation (observers and liaison accounts read threads, as the marking releases them, but do
 * not write). The visibility check is the caller's (the subject answers 404 otherwise).
 */
export function mayPostInThread(actor: Pick<Actor, 'role'>, actorOperationRole: OperationRole): boolean {
  return actorOperationRole !== 'observer' && actor.role !== 'liaison';
}
