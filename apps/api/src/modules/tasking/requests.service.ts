import { Injectable } from '@nestjs/common';
import {
  canTransitionRequest,
  canView,
  handoverRefusal,
  hiddenFromAddressee,
  isValidAddressee,
  markingVisibility,
  mayRequest,
  requestTransitionRefusal,
  type AgencyRequest,
  type AgencyRequestWithHistory,
  type RequestHistoryEntry,
  type CreateRequest,
  type Handover,
  type Page,
  type RecordHandover,
  type RequestQuery,
  type RequestRefusal,
  type RequestTransitionRequest,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { markedRow } from './tasks.service';
import { decodeOffsetCursor, encodeOffsetCursor } from './tasking-cursor';
import { toRequest } from './tasking.mapper';
import { TaskingRepository, type RequestRow, type TransitionRow } from './tasking.repository';


const REFUSALS: Record<RequestRefusal, () => AppError> = {
  commander_required: () => forbidden('commander_required', 'Only a commander may do this'),
  request_addressee_commander_required: () => forbidden('request_addressee_commander_required', 'Only a commander of the receiving agency may accept or decline this request'),
  request_origin_commander_required: () => forbidden('request_origin_commander_required', 'Only a commander of the requesting agency may cancel this request'),
  request_party_commander_required: () => forbidden('request_party_commander_required', 'Only commanders of the two agencies of this request may do this'),
};

/**
 * Requests between the agencies of one operation: sending (idempotent by client id), answering,
 * the hand-over record both sides confirm. Each change commits with its transition row, audit row
 * and operation event; the request's `version` is that event's seq.
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly repository: TaskingRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly events: EventLogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, operationId: string, input: CreateRequest): Promise<{ request: AgencyRequest; created: boolean }> {
    const [membership, existing] = await Promise.all([this.access.require(user, operationId), this.repository.findRequestByClientId(input.clientId)]);
    if (existing) {
      if (existing.author_user_id !== user.id || existing.operation_id !== operationId) {
        throw conflict('client_id_taken', 'This clientId already identifies another request; generate a new one for a new request');
      }
      return { request: toRequest(existing), created: false };
    }
    this.access.assertWriter(user, membership);
    if (!mayRequest(user)) throw REFUSALS.commander_required();

    return this.transactions.run(async (tx) => {
      const participants = await this.repository.participants(operationId, tx.manager);
      const to = participants.find((p) => p.agency_id === input.toAgencyId);
      if (!isValidAddressee(user.agencyId, to ? { agencyId: to.agency_id, role: to.role } : null)) {
        throw badRequest('request_addressee_invalid', 'toAgencyId: a request goes to another agency taking part in the operation (not an observer)');
      }
      if (input.siteId) await this.access.assertSiteExists(input.siteId, tx.manager);
      const recipients = await this.access.checkRecipients(operationId, input.marking, input.recipientAgencyIds, tx.manager);
      // Under TLP:RED the receiving agency is named whatever else the sender named: the request is addressed to it.
      if (input.marking === 'TLP:RED' && !recipients.includes(input.toAgencyId)) recipients.push(input.toAgencyId);
      if (hiddenFromAddressee({ marking: input.marking, originAgencyId: user.agencyId, recipientAgencyIds: recipients }, { agencyId: to!.agency_id, operationRole: to!.role })) {
        throw badRequest('marking_hides_from_addressee', `marking: ${input.marking} would hide the request from the agency it is addressed to; choose TLP:AMBER, or TLP:RED`);
      }
      const now = this.clock.now();
      const id = await this.repository.insertRequest(tx.manager, {
        clientId: input.clientId,
        operationId,
        kind: input.kind,
        originAgencyId: user.agencyId,
        toAgencyId: input.toAgencyId,
        subject: input.subject,
        details: input.details,
        lat: input.lat,
        lon: input.lon,
        siteId: input.siteId,
        answerDueAt: new Date(now.getTime() + input.answerWithinSeconds * 1000).toISOString(),
        authorUserId: user.id,
        marking: input.marking,
        recipientAgencyIds: recipients,
        now: now.toISOString(),
      });
      if (id === null) throw conflict('client_id_in_flight', 'The same request is being stored by another request; retry');
      await this.repository.insertRequestTransition(tx.manager, { requestId: id, clientId: null, userId: user.id, action: 'created', from: null, to: 'open', reason: null, now: now.toISOString() });
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'request.create',
        entityType: 'agency_request',
        entityId: id,
        operationId,
        details: { clientId: input.clientId, toAgencyId: input.toAgencyId, kind: input.kind, marking: input.marking },
      });
      return { request: await this.appendEvent(tx, user, id, 'request.created'), created: true };
    });
  }

  async transition(user: AuthUser, operationId: string, requestId: string, input: RequestTransitionRequest): Promise<AgencyRequest> {
    return this.change(user, operationId, requestId, input.clientId, async (tx, row, now) => {
      const refusal = requestTransitionRefusal(user, standing(row), input.to);
      if (refusal) throw REFUSALS[refusal]();
      if (!canTransitionRequest(row.state as AgencyRequest['state'], input.to)) {
        throw conflict('invalid_request_transition', `The request is ${row.state}; it cannot become ${input.to}`);
      }
      if (input.to === 'completed') {
        const handover = row.handover as Handover | null;
        if (handover && (!handover.fromConfirmed || !handover.toConfirmed)) {
          throw conflict('handover_not_recorded', 'The hand-over must be confirmed by both agencies before the request is completed');
        }
      }
      await this.repository.setRequestState(tx.manager, requestId, input.to, input.reason ?? null, now);
      return { action: 'transition', from: row.state, to: input.to, reason: input.reason ?? null, audit: `request.${input.to}` };
    });
  }

  /** Records (or corrects) what was handed over; both confirmations start again, each side confirms what is written. */
  async recordHandover(user: AuthUser, operationId: string, requestId: string, { clientId, ...content }: RecordHandover): Promise<AgencyRequest> {
    return this.change(user, operationId, requestId, clientId, async (tx, row, now) => {
      const refusal = handoverRefusal(user, standing(row));
      if (refusal) throw REFUSALS[refusal]();
      if (row.state !== 'accepted') throw conflict('request_not_accepted', `The request is ${row.state}; a hand-over is recorded on an accepted request`);
      const handover: Handover = {
        ...content,
        recordedAt: now,
        recordedByUserId: user.id,
        recordedByAgencyId: user.agencyId,
        fromConfirmed: null,
        toConfirmed: null,
      };
      await this.repository.setHandover(tx.manager, requestId, handover, now);
      return { action: 'handover_recorded', from: null, to: null, reason: null, audit: 'request.handover_record' };
    });
  }

  /** The caller's agency (one side of the request) confirms the hand-over as recorded. */
  async confirmHandover(user: AuthUser, operationId: string, requestId: string, clientId: string, expectedVersion?: number): Promise<AgencyRequest> {
    return this.change(user, operationId, requestId, clientId, async (tx, row, now) => {
      const refusal = handoverRefusal(user, standing(row));
      if (refusal) throw REFUSALS[refusal]();
      const handover = row.handover as Handover | null;
      if (!handover) throw conflict('handover_not_recorded', 'No hand-over has been recorded for this request yet');
      if (expectedVersion !== undefined && expectedVersion !== Number(row.version)) {
        throw conflict('stale_version', `The hand-over changed since version ${expectedVersion}; it is now at version ${row.version}: read it again before confirming`);
      }
      const confirmation = { userId: user.id, agencyId: user.agencyId, at: now };
      const side = user.agencyId === row.origin_agency_id ? 'fromConfirmed' : 'toConfirmed';
      await this.repository.setHandover(tx.manager, requestId, { ...handover, [side]: confirmation }, now);
      return { action: 'handover_confirmed', from: null, to: null, reason: side, audit: 'request.handover_confirm' };
    });
  }

  async get(user: AuthUser, operationId: string, requestId: string): Promise<AgencyRequestWithHistory> {
    const row = await this.loadVisible(user, operationId, requestId);
    const history = await this.repository.requestTransitions(requestId);
    await this.audit.record({ userId: user.id, agencyId: user.agencyId, action: 'request.read', entityType: 'agency_request', entityId: requestId, operationId });
    return { ...toRequest(row), history: history.map(toHistoryEntry) };
  }

  async list(user: AuthUser, operationId: string, query: RequestQuery): Promise<Page<AgencyRequest>> {
    const access = await this.access.require(user, operationId);
    const { cursor, limit, ...filter } = query;
    const offset = decodeOffsetCursor(cursor);
    const rows = await this.repository.listRequests(operationId, markingVisibility(access.viewer), filter, limit + 1, offset);
    return { items: rows.slice(0, limit).map((row) => toRequest(row)), nextCursor: rows.length > limit ? encodeOffsetCursor(offset + limit) : null };
  }

  /**
   * One change to a request, idempotent by its client id: the same change sent again answers the
   * request as it stands. `work` checks and applies it; this records the transition row, the audit
   * row and the event in the same transaction.
   */
  private async change(
    user: AuthUser,
    operationId: string,
    requestId: string,
    clientId: string,
    work: (tx: WriteTransaction, row: RequestRow, now: string) => Promise<{ action: string; from: string | null; to: string | null; reason: string | null; audit: string }>,
  ): Promise<AgencyRequest> {
    const done = await this.repository.requestTransitionByClientId(clientId);
    if (done) {
      if (done.request_id !== requestId || done.user_id !== user.id) throw conflict('client_id_taken', 'This clientId already identifies another change; generate a new one');
      return toRequest(await this.loadVisible(user, operationId, requestId));
    }
    return this.transactions.run(async (tx) => {
      const row = await this.loadVisible(user, operationId, requestId, tx.manager, true);
      await this.access.requireWriter(user, operationId, tx.manager);
      const now = this.clock.now().toISOString();
      const applied = await work(tx, row, now);
      const inserted = await this.repository.insertRequestTransition(tx.manager, {
        requestId, clientId, userId: user.id, action: applied.action, from: applied.from, to: applied.to, reason: applied.reason, now,
      });
      if (!inserted) throw conflict('client_id_in_flight', 'The same change is being stored by another request; retry');
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: applied.audit,
        entityType: 'agency_request',
        entityId: requestId,
        operationId,
        details: { clientId, ...(applied.to ? { from: applied.from, to: applied.to } : {}), ...(applied.reason ? { reason: applied.reason } : {}) },
      });
      return this.appendEvent(tx, user, requestId, 'request.updated');
    });
  }

  private async loadVisible(user: AuthUser, operationId: string, requestId: string, manager?: EntityManager, forUpdate = false): Promise<RequestRow> {
    const row = await this.repository.findRequest(requestId, manager, forUpdate);
    if (!row || row.operation_id !== operationId) throw notFound('Request');
    const access = await this.access.require(user, operationId, manager).catch((error: unknown) => {
      throw error instanceof AppError && error.status === 404 ? notFound('Request') : error;
    });
    if (!canView(markedRow(row), access.viewer)) throw notFound('Request');
    return row;
  }

  async appendEvent(tx: WriteTransaction, user: AuthUser | null, requestId: string, type: 'request.created' | 'request.updated'): Promise<AgencyRequest> {
    const row = await this.repository.findRequest(requestId, tx.manager);
    if (!row) throw notFound('Request');
    // The last statement of the write, sent with its COMMIT (it takes the seq lock).
    const event = await this.events.appendLast(tx, {
      operationId: row.operation_id,
      actor: user ? { userId: user.id, agencyId: user.agencyId } : null,
      marking: row.marking,
      originAgencyId: row.origin_agency_id,
      recipientAgencyIds: row.recipient_agency_ids,
      data: { type, request: toRequest(row) },
      itemVersionOf: { kind: 'request', id: row.id },
    });
    return toRequest(row, event.seq);
  }
}

function standing(row: RequestRow) {
  return { fromAgencyId: row.origin_agency_id, toAgencyId: row.to_agency_id };
}

function toHistoryEntry(row: TransitionRow): RequestHistoryEntry {
  return {
    at: new Date(row.at).toISOString(),
    byUserId: row.user_id,
    byAgencyCode: row.agency_code,
    action: row.action ?? 'transition',
    from: row.from_state as RequestHistoryEntry['from'],
    to: row.to_state as RequestHistoryEntry['to'],
    reason: row.reason,
  };
}
