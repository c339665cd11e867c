import { Injectable } from '@nestjs/common';
import {
  canTransitionTask,
  canView,
  disclosesHiddenReference,
  hiddenFromAddressee,
  markingVisibility,
  mayChangeTaskingConsent,
  mayTaskForRequest,
  taskTransitionRefusal,
  taskingRefusal,
  type CreateTask,
  type Page,
  type Task,
  type TaskQuery,
  type TaskTransitionRequest,
  type TaskWithHistory,
  type Viewer,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { decodeOffsetCursor, encodeOffsetCursor } from './tasking-cursor';
import { toTask, toTaskTransition } from './tasking.mapper';
import { TaskingRepository, type ParticipantRow, type TaskRow } from './tasking.repository';

const TASKING_REFUSALS = {
  commander_required: () => forbidden('commander_required', 'Only a commander may give a team a task'),
  lead_tasking_not_allowed: () =>
    forbidden('lead_tasking_not_allowed', "The team's agency has not let the lead agency task its teams in this operation"),
  own_agency_team_required: () => forbidden('own_agency_team_required', "Only your own agency's teams may be tasked"),
} as const;

/**
 * Tasks to teams: creation (idempotent by client id), the state machine (each change idempotent
 * by its own client id), reads under the marking rule. Every change commits with its transition
 * row, its audit row and its operation event; the task's `version` is the seq of that event.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly repository: TaskingRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly events: EventLogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, operationId: string, input: CreateTask): Promise<{ task: Task; created: boolean }> {
    const [membership, existing] = await Promise.all([this.access.require(user, operationId), this.repository.findTaskByClientId(input.clientId)]);
    if (existing) return { task: this.replay(existing, user, operationId), created: false };
    const access = this.access.assertWriter(user, membership);

    return this.transactions.run(async (tx) => {
      // One after the other: the transaction's connection runs one query at a time.
      const team = await this.access.teamInOperation(user, operationId, input.teamId, tx.manager);
      const participants = await this.repository.participants(operationId, tx.manager);
      if (!team || !canView(team, access.viewer)) throw badRequest('unknown_team', `teamId: no team ${input.teamId} in this operation`);
      const teamParticipant = participants.find((p) => p.agency_id === team.agencyId);
      const refusal = taskingRefusal(user, {
        actorOperationRole: access.role,
        teamAgencyId: team.agencyId,
        leadMayTaskTeamAgency: teamParticipant?.lead_may_task ?? false,
      });
      if (refusal) throw TASKING_REFUSALS[refusal]();
      if (input.requestId !== null) await this.assertRequestMayBeTasked(user, access.viewer, operationId, input.requestId, team.agencyId, tx.manager);
      if (input.target.siteId) await this.access.assertSiteExists(input.target.siteId, tx.manager);

      const recipients = await this.access.checkRecipients(operationId, input.marking, input.recipientAgencyIds, tx.manager);
      // Under TLP:RED the team's agency is named whatever the author named: the task is addressed to it.
      if (input.marking === 'TLP:RED' && team.agencyId !== user.agencyId && !recipients.includes(team.agencyId)) recipients.push(team.agencyId);
      const item = { marking: input.marking, originAgencyId: user.agencyId, recipientAgencyIds: recipients };
      assertMarkingFits(item, team, participants);

      const now = this.clock.now();
      const id = await this.repository.insertTask(tx.manager, {
        clientId: input.clientId,
        operationId,
        teamId: team.id,
        kind: input.kind,
        title: input.title,
        instructions: input.instructions,
        target: input.target,
        dueAt: input.dueAt === null ? null : new Date(input.dueAt).toISOString(),
        ackDueAt: new Date(now.getTime() + input.ackWithinSeconds * 1000).toISOString(),
        originAgencyId: user.agencyId,
        authorUserId: user.id,
        requestId: input.requestId,
        marking: input.marking,
        recipientAgencyIds: recipients,
        now: now.toISOString(),
      });
      if (id === null) {
        const winner = await this.repository.findTaskByClientId(input.clientId, tx.manager);
        if (!winner) throw conflict('client_id_in_flight', 'The same task is being stored by another request; retry');
        return { task: this.replay(winner, user, operationId), created: false };
      }
      await this.repository.insertTaskTransition(tx.manager, { taskId: id, clientId: null, userId: user.id, from: null, to: 'assigned', reason: null, now: now.toISOString() });
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'task.create',
        entityType: 'task',
        entityId: id,
        operationId,
        details: { clientId: input.clientId, teamId: team.id, kind: input.kind, marking: input.marking, requestId: input.requestId },
      });
      return { task: await this.appendEvent(tx, user, id, 'task.created'), created: true };
    });
  }

  /**
   * Moves the task along its state machine. Idempotent by `clientId`: the same change sent again
   * (the field page's outbox after a lost answer) answers the task as it stands and changes nothing.
   */
  async transition(user: AuthUser, operationId: string, taskId: string, input: TaskTransitionRequest): Promise<Task> {
    const done = await this.repository.taskTransitionByClientId(input.clientId);
    if (done) return this.replayTransition(user, operationId, taskId, done, input.to);
    return this.transactions.run(async (tx) => {
      const { row } = await this.loadVisible(user, operationId, taskId, tx.manager, true);
      await this.access.requireWriter(user, operationId, tx.manager);
      const isTeamMember = await this.repository.isTeamMember(row.team_id, user.id, tx.manager);
      const refusal = taskTransitionRefusal(user, { originAgencyId: row.origin_agency_id, teamAgencyId: row.team_agency_id, isTeamMember }, input.to);
      if (refusal === 'task_team_required') throw forbidden(refusal, "Only the team's members or a commander of its agency may report on this task");
      if (refusal) throw forbidden(refusal, 'Only a commander of the agency that gave the task may cancel it');
      if (!canTransitionTask(row.state as Task['state'], input.to)) {
        throw conflict('invalid_task_transition', `The task is ${row.state}; it cannot become ${input.to}`);
      }
      const now = this.clock.now().toISOString();
      const inserted = await this.repository.insertTaskTransition(tx.manager, {
        taskId, clientId: input.clientId, userId: user.id, from: row.state, to: input.to, reason: input.reason ?? null, now,
      });
      if (!inserted) throw conflict('client_id_in_flight', 'The same change is being stored by another request; retry');
      await this.repository.setTaskState(tx.manager, taskId, input.to, input.reason ?? null, now);
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'task.transition',
        entityType: 'task',
        entityId: taskId,
        operationId,
        details: { from: row.state, to: input.to, clientId: input.clientId, ...(input.reason ? { reason: input.reason } : {}) },
      });
      return this.appendEvent(tx, user, taskId, 'task.updated');
    });
  }

  /** A participating agency lets (or stops) the lead agency task its teams; audited, no event (a setting, not the picture). */
  async setConsent(user: AuthUser, operationId: string, leadMayTask: boolean): Promise<{ leadMayTask: boolean }> {
    return this.transactions.run(async (tx) => {
      const access = await this.access.requireWriter(user, operationId, tx.manager);
      if (!mayChangeTaskingConsent(user, access.role)) {
        throw forbidden('role_required', 'Only a commander of a participating agency sets whether the lead agency may task its teams');
      }
      await this.repository.setLeadMayTask(operationId, user.agencyId, leadMayTask, tx.manager);
      await this.audit.recordInTransaction(tx, {
        userId: user.id, agencyId: user.agencyId, action: 'operation.tasking_consent', entityType: 'operation', entityId: operationId, operationId,
        details: { leadMayTask },
      });
      return { leadMayTask };
    });
  }

  async get(user: AuthUser, operationId: string, taskId: string): Promise<TaskWithHistory> {
    const { row } = await this.loadVisible(user, operationId, taskId);
    const transitions = await this.repository.taskTransitions(taskId);
    await this.audit.record({ userId: user.id, agencyId: user.agencyId, action: 'task.read', entityType: 'task', entityId: taskId, operationId });
    return { ...toTask(row), transitions: transitions.map(toTaskTransition) };
  }

  async list(user: AuthUser, operationId: string, query: TaskQuery): Promise<Page<Task>> {
    const access = await this.access.require(user, operationId);
    const { cursor, limit, ...filter } = query;
    const offset = decodeOffsetCursor(cursor);
    const rows = await this.repository.listTasks(operationId, markingVisibility(access.viewer), filter, limit + 1, offset);
    return {
      items: rows.slice(0, limit).map((row) => toTask(row)),
      nextCursor: rows.length > limit ? encodeOffsetCursor(offset + limit) : null,
    };
  }

  /** The task if the caller's agency takes part in the operation and may see it; 404 otherwise. */
  private async loadVisible(user: AuthUser, operationId: string, taskId: string, manager?: EntityManager, forUpdate = false): Promise<{ row: TaskRow; viewer: Viewer }> {
    const row = await this.repository.findTask(taskId, manager, forUpdate);
    if (!row || row.operation_id !== operationId) throw notFound('Task');
    const access = await this.access.require(user, operationId, manager).catch((error: unknown) => {
      throw error instanceof AppError && error.status === 404 ? notFound('Task') : error;
    });
    if (!canView(markedRow(row), access.viewer)) throw notFound('Task');
    return { row, viewer: access.viewer };
  }

  private async assertRequestMayBeTasked(user: AuthUser, viewer: Viewer, operationId: string, requestId: string, teamAgencyId: string, manager: EntityManager): Promise<void> {
    const request = await this.repository.findRequest(requestId, manager);
    if (!request || request.operation_id !== operationId || !canView(markedRow(request), viewer)) {
      throw notFound('Request');
    }
    const standing = { fromAgencyId: request.origin_agency_id, toAgencyId: request.to_agency_id, state: request.state as 'accepted' };
    if (request.state !== 'accepted') throw conflict('request_not_accepted', `The request is ${request.state}; only an accepted request can become tasks`);
    if (!mayTaskForRequest(user, standing, teamAgencyId)) {
      throw badRequest('request_task_team_mismatch', "A request's tasks go to teams of the receiving agency, given by its commanders");
    }
  }

  /** Appends the task's event (the task at its new version): the last statement of the write, sent with its COMMIT (it takes the seq lock). */
  async appendEvent(tx: WriteTransaction, user: AuthUser | null, taskId: string, type: 'task.created' | 'task.updated'): Promise<Task> {
    const row = await this.repository.findTask(taskId, tx.manager);
    if (!row) throw notFound('Task');
    const event = await this.events.appendLast(tx, {
      operationId: row.operation_id,
      actor: user ? { userId: user.id, agencyId: user.agencyId } : null,
      marking: row.marking,
      originAgencyId: row.origin_agency_id,
      recipientAgencyIds: row.recipient_agency_ids,
      data: { type, task: toTask(row) },
      itemVersionOf: { kind: 'task', id: row.id },
    });
    return toTask(row, event.seq);
  }

  private replay(existing: TaskRow, user: AuthUser, operationId: string): Task {
    if (existing.author_user_id !== user.id || existing.operation_id !== operationId) {
      throw conflict('client_id_taken', 'This clientId already identifies another task; generate a new one for a new task');
    }
    return toTask(existing);
  }

  private async replayTransition(user: AuthUser, operationId: string, taskId: string, done: { task_id: string; user_id: string; to_state: string }, to: string): Promise<Task> {
    if (done.task_id !== taskId || done.user_id !== user.id || done.to_state !== to) {
      throw conflict('client_id_taken', 'This clientId already identifies another change; generate a new one for a new change');
    }
    return toTask((await this.loadVisible(user, operationId, taskId)).row);
  }
}

/** A row's marking as the marking rule reads it. */
export function markedRow(row: { marking: Task['marking']; origin_agency_id: string; recipient_agency_ids: string[] }) {
  return { marking: row.marking, originAgencyId: row.origin_agency_id, recipientAgencyIds: row.recipient_agency_ids };
}

/**
 * The task must reach its team's agency, and no agency the team is hidden from (a TLP:GREEN task
 * of a TLP:AMBER team would tell an observer the team exists).
 */
function assertMarkingFits(
  item: { marking: Task['marking']; originAgencyId: string; recipientAgencyIds: string[] },
  team: { agencyId: string; originAgencyId: string; marking: Task['marking']; recipientAgencyIds: string[] },
  participants: ParticipantRow[],
): void {
  const viewers: Viewer[] = participants.map((p) => ({ agencyId: p.agency_id, operationRole: p.role }));
  const teamViewer = viewers.find((v) => v.agencyId === team.agencyId);
  if (!teamViewer || hiddenFromAddressee(item, teamViewer)) {
    throw badRequest('marking_hides_from_addressee', `marking: ${item.marking} would hide the task from the team's own agency; choose TLP:AMBER, or TLP:RED`);
  }
  if (disclosesHiddenReference(item, team, viewers)) {
    throw badRequest('marking_discloses_team', `marking: ${item.marking} would show the task to agencies that may not see the team (marked ${team.marking})`);
  }
}
