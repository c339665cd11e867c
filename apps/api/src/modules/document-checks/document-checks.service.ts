import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  canView,
  markingVisibility,
  mayRecordCheckOutcome,
  type CreateDocumentCheck,
  type DocumentCheck,
  type DocumentCheckFiguresRow,
  type RecordCheckOutcome,
} from '@lintas/contracts';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionService } from '../../database/transaction.service';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ReportsService } from '../reports/reports.service';
import { DOCUMENT_CHECK_PROVIDER, type DocumentCheckProvider, type ListHit } from './document-check-provider';
import { toDocumentCheck, type DocumentCheckRow } from './document-check.mapper';
import { DocumentChecksRepository, type CheckAudit, type NewCheckRow } from './document-checks.repository';
import { DocumentHasher } from './document-hasher';

/** Thrown inside a hit's transaction to roll it back when another request stored the same clientId first. */
const CLIENT_ID_RACE = new Error('client id taken by a concurrent check');

const STATUS_TEXT: Record<ListHit['status'], string> = {
  stolen_blank: 'stolen blank',
  lost: 'lost',
  stolen: 'stolen from its holder',
  revoked: 'revoked',
};

/**
 * Document checks: the officer's document (type, country, number) is hashed, matched by the
 * provider, and stored as hash, country, type, result, officer, team, site and time. A potential
 * hit raises an alert (TLP:AMBER by default) in the same transaction, addressed to the commanders
 * of the checking and the lead agency, who record the outcome after asking the issuing country.
 */
@Injectable()
export class DocumentChecksService {
  constructor(
    private readonly checks: DocumentChecksRepository,
    private readonly hasher: DocumentHasher,
    @Inject(DOCUMENT_CHECK_PROVIDER) private readonly provider: DocumentCheckProvider,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Hits and the checks of other agencies are marked as configured (DOCUMENT_HIT_MARKING, TLP:AMBER by default). */
  private get marking() {
    return this.config.documentHitMarking;
  }

  /** Idempotent by clientId, like a report: the outbox's retry answers the stored check. */
  async create(user: AuthUser, operationId: string, input: CreateDocumentCheck): Promise<{ check: DocumentCheck; created: boolean }> {
    const hash = this.hasher.hash(input.issuingCountry, input.documentType, input.documentNumber);
    // The reads and a no-hit check's write on one pooled connection (see `withConnection`); only the
    // list lookup goes through the provider, which may be another system.
    return this.transactions.withConnection(async (manager) => {
      // The list lookup (the provider's own round trip) meanwhile; it is answered only once the
      // caller proves to be a writer for the team.
      const lookup = this.provider.check(hash);
      lookup.catch(() => undefined);
      const { access: membership, team, teamSite: place } = await this.access.readWriterContext(user, operationId, { teamId: input.teamId }, manager);
      const existing = await this.checks.findByClientId(input.clientId, manager);
      const hit = await lookup;
      if (existing) {
        if (existing.officer_user_id !== user.id || existing.operation_id !== operationId) {
          throw conflict('client_id_taken', 'This clientId already identifies another check; generate a new one');
        }
        return { check: toDocumentCheck(existing), created: false };
      }
      const access = this.access.assertWriter(user, membership);
      this.access.assertMayPostForTeam(user, input.teamId, team);

      const result = hit ? 'potential_hit' : 'no_hit';
      const check: NewCheckRow = {
        clientId: input.clientId,
        operationId: access.operationId,
        teamId: input.teamId,
        siteId: place.siteId,
        checkingAgencyId: user.agencyId,
        officerUserId: user.id,
        hash,
        documentType: input.documentType,
        issuingCountry: input.issuingCountry,
        result,
        hit,
        alertReportId: null,
      };
      // Never the number in the audit trail: the result and the provider only.
      const audit: CheckAudit = { details: { clientId: input.clientId, result, provider: this.provider.name } };
      // No hit (nearly every check): the check and its audit entry are one statement, atomic on its
      // own — one round trip instead of BEGIN, SET, two INSERTs and COMMIT. A hit raises its alert in
      // the same transaction as the check (on a connection of its own).
      const stored = hit
        ? await this.storeWithAlert(user, input, check, audit, hit, place)
        : await this.checks.insertIfAbsent(check, audit, manager).then((row) => (row ? { ...row, alertReportId: null } : null));
      if (stored === null) {
        // Lost a race with the same clientId: the other request has committed it by now.
        const winner = await this.checks.findByClientId(input.clientId, manager);
        if (!winner || winner.officer_user_id !== user.id) throw conflict('client_id_in_flight', 'The same check is being stored by another request; retry');
        return { check: toDocumentCheck(winner), created: false };
      }
      const row: DocumentCheckRow = {
        id: stored.id,
        client_id: input.clientId,
        operation_id: operationId,
        team_id: input.teamId,
        site_id: place.siteId,
        checking_agency_id: user.agencyId,
        officer_user_id: user.id,
        document_type: input.documentType,
        issuing_country: input.issuingCountry,
        result: hit ? 'potential_hit' : 'no_hit',
        hit_status: hit?.status ?? null,
        hit_source: hit?.source ?? null,
        hit_reported_on: hit?.reportedAt ?? null,
        hit_list_agency_code: hit?.listAgencyCode ?? null,
        alert_report_id: stored.alertReportId,
        outcome: null,
        outcome_note: null,
        outcome_by: null,
        outcome_at: null,
        checked_at: stored.checked_at,
        lead_agency_id: access.leadAgencyId,
      };
      return { check: toDocumentCheck(row), created: true };
    });
  }

  /** The check, its audit entry and the alert report of its potential hit (with the report's audit and event): one transaction. */
  private storeWithAlert(
    user: AuthUser,
    input: CreateDocumentCheck,
    check: NewCheckRow,
    audit: CheckAudit,
    hit: ListHit,
    place: { siteId: string | null; lat: number | null; lon: number | null },
  ): Promise<{ id: string; checked_at: Date; alertReportId: string } | null> {
    // Read before the transaction starts: the alert happened before it was received (the transaction's now()).
    const occurredAt = new Date().toISOString();
    return this.transactions
      .run(async (tx) => {
        // The alert first, so that the check is written once with it (no UPDATE after).
        const alert = await this.reports.raiseInTransaction(tx, user, {
          clientId: randomUUID(),
          operationId: check.operationId,
          kind: 'alert',
          title: `Document check: potential hit (${STATUS_TEXT[hit.status]}) on a ${input.documentType.replace('_', ' ')} of ${input.issuingCountry}`.slice(0, 120),
          narrative:
            `Listed as ${STATUS_TEXT[hit.status]} by ${hit.source}${hit.reportedAt ? ` on ${hit.reportedAt}` : ''} (list of ${hit.listAgencyCode}). ` +
            'A potential hit only: confirm with the issuing country before acting, then record the outcome.',
          lat: place.lat,
          lon: place.lon,
          siteId: place.siteId,
          occurredAt,
          teamId: input.teamId,
          marking: this.marking,
          recipientAgencyIds: [],
          interception: null,
        });
        const inserted = await this.checks.insertIfAbsent({ ...check, alertReportId: alert.id }, audit, tx.manager);
        // The client id was taken meanwhile: roll the alert back with the rest (no event is published).
        if (inserted === null) throw CLIENT_ID_RACE;
        return { ...inserted, alertReportId: alert.id };
      })
      .catch((error: unknown) => {
        if (error === CLIENT_ID_RACE) return null;
        throw error;
      });
  }

  async recordOutcome(user: AuthUser, checkId: string, input: RecordCheckOutcome): Promise<DocumentCheck> {
    return this.transactions.run(async (tx) => {
      const row = await this.checks.findById(checkId, tx.manager, true);
      if (!row) throw notFound('Document check');
      const access = await this.access.require(user, row.operation_id, tx.manager).catch((error: unknown) => {
        throw error instanceof AppError && error.status === 404 ? notFound('Document check') : error;
      });
      if (!canView({ marking: this.marking, originAgencyId: row.checking_agency_id }, access.viewer)) throw notFound('Document check');
      if (!mayRecordCheckOutcome(user, { checkingAgencyId: row.checking_agency_id, leadAgencyId: row.lead_agency_id })) {
        throw forbidden('check_outcome_not_allowed', 'Only a commander of the checking agency or of the lead agency may record this outcome');
      }
      this.access.assertWriter(user, access);
      if (row.result !== 'potential_hit') throw conflict('not_a_potential_hit', 'This check found no hit: there is no outcome to record');
      if (row.outcome !== null) throw conflict('outcome_already_recorded', `The outcome is already recorded: ${row.outcome}`);
      await this.checks.setOutcome(tx.manager, checkId, input.outcome, input.note, user.id);
      if (row.alert_report_id) {
        const reason = input.note.trim() || (input.outcome === 'confirmed' ? 'Confirmed with the issuing country' : 'False positive');
        await this.reports.settleInTransaction(tx, user, row.alert_report_id, input.outcome === 'confirmed' ? 'verified' : 'rejected', reason);
      }
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'document_check.outcome',
        entityType: 'document_check',
        entityId: checkId,
        operationId: row.operation_id,
        // The note is free text (kept in the alert's history, which the retention rule redacts), not in the audit trail.
        details: { outcome: input.outcome },
      });
      const updated = (await this.checks.findById(checkId, tx.manager)) as DocumentCheckRow;
      return toDocumentCheck(updated);
    });
  }

  async list(user: AuthUser, operationId: string): Promise<DocumentCheck[]> {
    const access = await this.access.require(user, operationId);
    const others = markingVisibility(access.viewer).markings.includes(this.marking);
    return (await this.checks.list(operationId, user.agencyId, others, 500)).map(toDocumentCheck);
  }

  async figures(user: AuthUser, operationId: string): Promise<DocumentCheckFiguresRow[]> {
    const access = await this.access.require(user, operationId);
    const others = markingVisibility(access.viewer).markings.includes(this.marking);
    return this.checks.figures(operationId, user.agencyId, others);
  }
}
