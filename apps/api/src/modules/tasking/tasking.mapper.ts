import type { AgencyRequest, Handover, RequestKind, RequestState, Task, TaskKind, TaskState, TaskTarget, TaskTransition } from '@lintas/contracts';
import type { RequestRow, TaskRow, TransitionRow } from './tasking.repository';

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());

export function toTask(row: TaskRow, version?: number): Task {
  return {
    id: row.id,
    clientId: row.client_id,
    operationId: row.operation_id,
    teamId: row.team_id,
    teamAgencyId: row.team_agency_id,
    kind: row.kind as TaskKind,
    title: row.title,
    instructions: row.instructions,
    target: row.target as TaskTarget,
    dueAt: iso(row.due_at),
    ackDueAt: new Date(row.ack_due_at).toISOString(),
    state: row.state as TaskState,
    stateReason: row.state_reason,
    overdue: row.overdue,
    leftArea: row.left_area,
    acknowledgedAt: iso(row.acknowledged_at),
    originAgency: { id: row.origin_agency_id, code: row.origin_agency_code, name: row.origin_agency_name },
    authorUserId: row.author_user_id,
    requestId: row.request_id,
    marking: row.marking,
    recipientAgencyIds: row.recipient_agency_ids,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: version ?? Number(row.version),
  };
}

export function toTaskTransition(row: TransitionRow): TaskTransition {
  return {
    at: new Date(row.at).toISOString(),
    byUserId: row.user_id,
    byAgencyCode: row.agency_code,
    from: row.from_state as TaskState | null,
    to: row.to_state as TaskState,
    reason: row.reason,
  };
}

export function toRequest(row: RequestRow, version?: number): AgencyRequest {
  return {
    id: row.id,
    clientId: row.client_id,
    operationId: row.operation_id,
    kind: row.kind as RequestKind,
    fromAgency: { id: row.origin_agency_id, code: row.origin_agency_code, name: row.origin_agency_name },
    toAgency: { id: row.to_agency_id, code: row.to_agency_code, name: row.to_agency_name },
    subject: row.subject,
    details: row.details,
    lat: row.lat,
    lon: row.lon,
    siteId: row.site_id,
    answerDueAt: new Date(row.answer_due_at).toISOString(),
    state: row.state as RequestState,
    stateReason: row.state_reason,
    overdue: row.overdue,
    answeredAt: iso(row.answered_at),
    authorUserId: row.author_user_id,
    handover: row.handover as Handover | null,
    marking: row.marking,
    recipientAgencyIds: row.recipient_agency_ids,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: version ?? Number(row.version),
  };
}
