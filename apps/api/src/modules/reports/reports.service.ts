import { Injectable } from '@nestjs/common';
import {
  canView,
  isAwaitingVerdict,
  markingVisibility,
  mayAmendReport,
  mayDecideReport,
  visibleHistory,
  type AmendReport,
  type Marking,
  type CreateReport,
  type Page,
  type Report,
  type ReportQuery,
  type ReportWithHistory,
  type Viewer,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../common/app-error';
import { AccessService, recipientsOrThrow, unknownSite, type OperationAccess } from '../access/access.service';
import { TransactionService, type WriteTransaction } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import type { NewEvent } from '../event-log/event-log.repository';
import { decodeReportCursor, encodeReportCursor } from './report-cursor';
import { diffFields } from './report-diff';
import { toReport, toReportChange, type ReportRow } from './report.mapper';
import { ReportsRepository, type NewReportRow, type ReportColumns, type ReportFilter } from './reports.repository';

/**
 * Reports (interceptions, sitreps, alerts): idempotent creation, amendment, verification by the
 * originating agency, history. Each change commits with its history row, its event and its audit
 * row; the report's `version` is the seq of its latest event. The socket gateway and the demo
 * seeder call this service too, so every rule lives here and not in a controller.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly events: EventLogService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Idempotent by `clientId`: the same create sent again by the same user for the same operation
   * (an outbox retry) answers the stored report with `created: false` and stores nothing; the
   * same clientId from anyone else or for another operation is a conflict.
   */
  async create(user: AuthUser, operationId: string, input: CreateReport): Promise<{ report: Report; created: boolean }> {
    // Everything the checks need is read before the transaction in two statements on one pooled
    // connection (see `withConnection`): the operation, team, site and recipients in one, the
    // clientId in the other. The write itself is then two statements (the report with its history
    // and audit entry; its event, sent with the COMMIT) after BEGIN.
    const [context, existing] = await this.transactions.withConnection(async (manager) => [
      await this.access.readWriterContext(user, operationId, { teamId: input.teamId, siteId: input.siteId, recipientAgencyIds: input.recipientAgencyIds }, manager),
      await this.reports.findByClientId(input.clientId, manager),
    ] as const);
    const { access: membership, team, siteKnown, participating } = context;
    // A retry is answered even if the operation closed in between: the write already happened.
    if (existing) return { report: this.replay(existing, user, operationId), created: false };

    this.access.assertWriter(user, membership);
    this.access.assertMayPostForTeam(user, input.teamId, team);
    if (!siteKnown) throw unknownSite(input.siteId!);
    const recipientAgencyIds = recipientsOrThrow(input.marking, input.recipientAgencyIds, participating);

    return this.transactions.run(async (tx) => {
      const row = await this.reports.insertIfAbsent(tx.manager, {
        clientId: input.clientId,
        operationId,
        kind: input.kind,
        title: input.title,
        narrative: input.narrative,
        lat: input.lat,
        lon: input.lon,
        siteId: input.siteId,
        occurredAt: new Date(input.occurredAt).toISOString(),
        originAgencyId: user.agencyId,
        teamId: input.teamId,
        authorUserId: user.id,
        marking: input.marking,
        recipientAgencyIds,
        interception: input.interception,
      }, { details: { clientId: input.clientId, kind: input.kind, marking: input.marking } });
      if (row === null) {
        // Lost a race with the same clientId: the other transaction has committed it by now.
        const winner = await this.reports.findByClientId(input.clientId, tx.manager);
        if (!winner) throw conflict('client_id_in_flight', 'The same report is being stored by another request; retry');
        return { report: this.replay(winner, user, operationId), created: false };
      }
      const report = await this.appendEventOf(tx, user, row, 'report.created', 'last');
      return { report, created: true };
    });
  }

  /**
   * A report another module raises inside its own write (a document check's potential hit raises an
   * alert): stored with its history, audit row and event in the caller's transaction. The caller
   * has already decided that the user may write it.
   */
  async raiseInTransaction(tx: WriteTransaction, user: AuthUser, report: Omit<NewReportRow, 'originAgencyId' | 'authorUserId'>): Promise<Report> {
    const row = await this.reports.insertIfAbsent(
      tx.manager,
      { ...report, originAgencyId: user.agencyId, authorUserId: user.id },
      { details: { clientId: report.clientId, kind: report.kind, marking: report.marking, raisedBy: 'document_check' } },
    );
    if (row === null) throw conflict('client_id_taken', 'This clientId already identifies another report');
    return this.appendEventOf(tx, user, row, 'report.created', 'within');
  }

  /**
   * Verifies or rejects a report inside another module's write, which has applied its own rule
   * (a document check's outcome is recorded by a commander of the checking or the lead agency).
   * A report no longer 'reported' is left as it is.
   */
  async settleInTransaction(tx: WriteTransaction, user: AuthUser, reportId: string, status: 'verified' | 'rejected', reason: string): Promise<Report | null> {
    const row = await this.reports.findById(reportId, tx.manager, true);
    if (!row || !isAwaitingVerdict(row)) return null;
    await this.reports.update(tx.manager, reportId, { status, status_reason: reason, status_by: user.id, status_at: true });
    await this.reports.insertHistory(tx.manager, { reportId, userId: user.id, action: status, changes: { status: ['reported', status] }, reason });
    return this.appendEvent(tx, user, reportId, 'report.updated', 'within');
  }

  /** Only a commander (or admin) of the originating agency, and only a report still 'reported'. */
  verify(user: AuthUser, reportId: string, reason?: string): Promise<Report> {
    return this.decide(user, reportId, 'verified', reason ?? null);
  }

  reject(user: AuthUser, reportId: string, reason: string): Promise<Report> {
    return this.decide(user, reportId, 'rejected', reason);
  }

  /**
   * The author or a commander (or admin) of the originating agency. A stale `expectedVersion`
   * is a conflict. Amending a verified or rejected report puts it back to 'reported': the
   * verdict was about the old content, and the history keeps it. An amendment that changes
   * nothing stores nothing and answers the report as it is.
   */
  async amend(user: AuthUser, reportId: string, input: AmendReport): Promise<Report> {
    return this.transactions.run(async (tx) => {
      const row = await this.loadVisible(user, reportId, tx.manager);
      const access = await this.access.requireWriter(user, row.operation_id, tx.manager);
      if (!mayAmendReport(user, { authorUserId: row.author_user_id, originAgencyId: row.origin_agency_id })) throw forbidden('not_report_owner', 'Only the author or a commander of the originating agency may amend this report');
      if (input.expectedVersion !== undefined && input.expectedVersion !== Number(row.version)) {
        throw conflict('stale_version', `The report has changed since version ${input.expectedVersion}; it is now at version ${row.version}`);
      }

      const before = toReport(row);
      const marking = input.marking ?? before.marking;
      const lat = input.lat !== undefined ? input.lat : before.lat;
      const lon = input.lon !== undefined ? input.lon : before.lon;
      if ((lat === null) !== (lon === null)) throw badRequest('lat_lon_together', 'lat and lon go together: give both or neither');
      if (input.interception && before.kind !== 'interception') throw badRequest('not_an_interception', 'Only an interception has counts');
      if (input.siteId) await this.access.assertSiteExists(input.siteId, tx.manager);
      // Leaving TLP:RED drops the named recipients: they only mean something under TLP:RED.
      const recipients =
        input.recipientAgencyIds !== undefined
          ? await this.access.checkRecipients(access.operationId, marking, input.recipientAgencyIds, tx.manager)
          : marking === 'TLP:RED'
            ? before.recipientAgencyIds
            : [];

      const changes = diffFields(before as unknown as Record<string, unknown>, {
        title: input.title,
        narrative: input.narrative,
        lat: input.lat,
        lon: input.lon,
        siteId: input.siteId,
        occurredAt: input.occurredAt === undefined ? undefined : new Date(input.occurredAt).toISOString(),
        marking: input.marking,
        recipientAgencyIds: recipients,
        interception: input.interception,
      });
      if (Object.keys(changes).length === 0) return before;
      const reopened = before.status !== 'reported';
      if (reopened) changes.status = [before.status, 'reported'];

      const columns: ReportColumns = {
        title: input.title,
        narrative: input.narrative,
        lat: input.lat,
        lon: input.lon,
        site_id: input.siteId,
        occurred_at: input.occurredAt === undefined ? undefined : new Date(input.occurredAt).toISOString(),
        marking: input.marking,
        recipient_agency_ids: 'recipientAgencyIds' in changes ? recipients : undefined,
        interception: input.interception,
        ...(reopened ? { status: 'reported' as const, status_reason: null, status_by: null, status_at: null } : {}),
      };
      await this.reports.update(tx.manager, reportId, columns);
      await this.reports.insertHistory(tx.manager, { reportId, userId: user.id, action: 'amended', changes, reason: null });
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'report.amend',
        entityType: 'report',
        entityId: reportId,
        operationId: row.operation_id,
        details: { fields: Object.keys(changes) },
      });
      return this.appendEvent(tx, user, reportId, 'report.updated', 'last');
    });
  }

  /**
   * One report with its history; the read is recorded in the audit trail. The history shows only
   * the entries made under markings the caller may see: a report re-marked from TLP:RED to
   * TLP:CLEAR does not tell everyone what it said while it was RED.
   */
  async get(user: AuthUser, reportId: string): Promise<ReportWithHistory> {
    const { row, viewer } = await this.loadVisibleFor(user, reportId);
    const current = { marking: row.marking, originAgencyId: row.origin_agency_id, recipientAgencyIds: row.recipient_agency_ids };
    const history = visibleHistory(await this.reports.history(reportId), current, viewer);
    await this.audit.record({
      userId: user.id,
      agencyId: user.agencyId,
      action: 'report.read',
      entityType: 'report',
      entityId: reportId,
      operationId: row.operation_id,
    });
    return { ...toReport(row, undefined, viewer), history: history.map(toReportChange) };
  }

  /** The operation's reports the caller may see (the marking rule applied in SQL), newest first. */
  async list(user: AuthUser, operationId: string, query: ReportQuery): Promise<Page<Report>> {
    const access = await this.access.require(user, operationId);
    const { cursor, limit, ...filter } = query;
    const rows = await this.reports.list(
      operationId,
      markingVisibility(access.viewer),
      filter,
      cursor ? decodeReportCursor(cursor) : null,
      limit + 1,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    await this.recordRedReads(user, operationId, items);
    return {
      items: items.map((row) => toReport(row, undefined, access.viewer)),
      nextCursor: rows.length > limit && last ? encodeReportCursor({ receivedAtMicros: last.received_us, id: last.id }) : null,
    };
  }

  /**
   * Every report the viewer may see under `filter`, page by page (newest received first), read
   * through one database cursor: an export of 100,000 reports holds one page in memory.
   */
  async *visiblePages(access: OperationAccess, filter: ReportFilter, pageSize = 500): AsyncGenerator<Report[]> {
    for await (const rows of this.reports.streamVisible(access.operationId, markingVisibility(access.viewer), filter, pageSize)) {
      yield rows.map((row) => toReport(row, undefined, access.viewer));
    }
  }

  /** The markings among the reports `visiblePages` would answer. */
  visibleMarkings(access: OperationAccess, filter: ReportFilter): Promise<Marking[]> {
    return this.reports.visibleMarkings(access.operationId, markingVisibility(access.viewer), filter);
  }

  /**
   * The newest `limit` reports the viewer may see, read with the caller's manager: the snapshot
   * reads them in its own consistent transaction.
   */
  async newestVisible(access: OperationAccess, limit: number, manager: EntityManager): Promise<Report[]> {
    const rows = await this.reports.list(access.operationId, markingVisibility(access.viewer), {}, null, limit, manager);
    return rows.map((row) => toReport(row, undefined, access.viewer));
  }

  /** A page (or snapshot) that hands out TLP:RED reports is a read of each of them: one audit row names them all. */
  async recordRedReads(user: AuthUser, operationId: string, items: readonly { id: string; marking: string }[]): Promise<void> {
    const red = items.filter((item) => item.marking === 'TLP:RED').map((item) => item.id);
    if (!red.length) return;
    await this.audit.record({ userId: user.id, agencyId: user.agencyId, action: 'report.read_list', entityType: 'report', operationId, details: { reportIds: red } });
  }

  private async decide(user: AuthUser, reportId: string, status: 'verified' | 'rejected', reason: string | null): Promise<Report> {
    return this.transactions.run(async (tx) => {
      const row = await this.loadVisible(user, reportId, tx.manager);
      await this.access.requireWriter(user, row.operation_id, tx.manager);
      if (!mayDecideReport(user, { originAgencyId: row.origin_agency_id })) {
        throw forbidden('origin_commander_required', 'Only a commander of the originating agency may verify or reject this report');
      }
      if (!isAwaitingVerdict(row)) {
        throw conflict('report_not_reported', `The report is ${row.status}; only a report that is still 'reported' can be ${status}`);
      }
      await this.reports.update(tx.manager, reportId, { status, status_reason: reason, status_by: user.id, status_at: true });
      await this.reports.insertHistory(tx.manager, { reportId, userId: user.id, action: status, changes: { status: ['reported', status] }, reason });
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: status === 'verified' ? 'report.verify' : 'report.reject',
        entityType: 'report',
        entityId: reportId,
        operationId: row.operation_id,
        details: reason ? { reason } : {},
      });
      return this.appendEvent(tx, user, reportId, 'report.updated', 'last');
    });
  }

  /**
   * The report if the caller's agency takes part in its operation and the marking lets it see
   * the report; 404 otherwise, as if it did not exist. Inside a write it is locked until COMMIT,
   * so that concurrent changes to one report apply one after the other.
   */
  private async loadVisible(user: AuthUser, reportId: string, manager?: EntityManager): Promise<ReportRow> {
    return (await this.loadVisibleFor(user, reportId, manager)).row;
  }

  /** `loadVisible`, with the caller as the marking rule sees it in the report's operation. */
  private async loadVisibleFor(user: AuthUser, reportId: string, manager?: EntityManager): Promise<{ row: ReportRow; viewer: Viewer }> {
    const row = await this.reports.findById(reportId, manager, manager !== undefined);
    if (!row) throw notFound('Report');
    const access = await this.access.require(user, row.operation_id, manager).catch((error: unknown) => {
      throw error instanceof AppError && error.status === 404 ? notFound('Report') : error;
    });
    const item = { marking: row.marking, originAgencyId: row.origin_agency_id, recipientAgencyIds: row.recipient_agency_ids };
    if (!canView(item, access.viewer)) throw notFound('Report');
    return { row, viewer: access.viewer };
  }

  /** `appendEventOf` for the report as it now stands in this transaction. */
  private async appendEvent(tx: WriteTransaction, user: AuthUser, reportId: string, type: 'report.updated', when: 'last' | 'within'): Promise<Report> {
    const row = await this.reports.findById(reportId, tx.manager);
    if (!row) throw notFound('Report');
    return this.appendEventOf(tx, user, row, type, when);
  }

  /**
   * Appends the report's event (carrying the report at its new version) and stores that version.
   * It takes the operation's seq lock: in the report's own writes (`last`) it is their last
   * statement and is sent with the COMMIT; inside another module's write (`within`) it is held
   * until that write commits.
   */
  private async appendEventOf(tx: WriteTransaction, user: AuthUser, row: ReportRow, type: 'report.created' | 'report.updated', when: 'last' | 'within'): Promise<Report> {
    const appended: NewEvent = {
      operationId: row.operation_id,
      actor: { userId: user.id, agencyId: user.agencyId },
      // The event carries the report's current marking: a re-marked report reaches its new audience.
      marking: row.marking,
      originAgencyId: row.origin_agency_id,
      recipientAgencyIds: row.recipient_agency_ids,
      // Its version is the event's seq, set in the statement that takes the seq.
      data: { type, report: toReport(row) },
      reportVersionOf: row.id,
    };
    const event = when === 'last' ? await this.events.appendLast(tx, appended) : await this.events.append(tx, appended);
    return toReport(row, event.seq);
  }

  private replay(existing: ReportRow, user: AuthUser, operationId: string): Report {
    if (existing.author_user_id !== user.id || existing.operation_id !== operationId) {
      throw conflict('client_id_taken', 'This clientId already identifies another report; generate a new one for a new report');
    }
    return toReport(existing);
  }
}
