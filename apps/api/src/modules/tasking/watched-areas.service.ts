import { Injectable } from '@nestjs/common';
import { canView, markingVisibility, mayRemoveWatchedArea, mayWatchArea, type CreateWatchedArea, type WatchedArea } from '@lintas/contracts';
import { AppError, conflict, forbidden, notFound } from '../../common/app-error';
import { Clock } from '../../common/clock';
import { TransactionService } from '../../database/transaction.service';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { EventLogService } from '../event-log/event-log.service';
import { markedRow } from './tasks.service';
import { toWatchedArea, WatchedAreasRepository, type WatchedAreaRow } from './watched-areas.repository';

/** At most this many watched areas per operation are listed (a map shows a handful). */
const LIST_LIMIT = 500;

/**
 * Watched areas: marked by a commander (idempotent by client id), listed under the marking rule,
 * removed by a commander of the marking agency. Each change commits with its audit row and its
 * operation event; the alert when no team has been inside is the deadline sweep's.
 */
@Injectable()
export class WatchedAreasService {
  constructor(
    private readonly repository: WatchedAreasRepository,
    private readonly access: AccessService,
    private readonly transactions: TransactionService,
    private readonly events: EventLogService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, operationId: string, input: CreateWatchedArea): Promise<{ watchedArea: WatchedArea; created: boolean }> {
    const [membership, existing] = await Promise.all([this.access.require(user, operationId), this.repository.findByClientId(input.clientId)]);
    if (existing) return { watchedArea: this.replay(existing, user, operationId), created: false };
    this.access.assertWriter(user, membership);
    if (!mayWatchArea(user)) throw forbidden('commander_required', 'Only a commander may mark an area watched');

    return this.transactions.run(async (tx) => {
      await this.access.requireWriter(user, operationId, tx.manager);
      const recipients = await this.access.checkRecipients(operationId, input.marking, input.recipientAgencyIds, tx.manager);
      const now = this.clock.now().toISOString();
      const id = await this.repository.insert(tx.manager, {
        clientId: input.clientId, operationId, name: input.name, area: input.area, noTeamMinutes: input.noTeamMinutes,
        originAgencyId: user.agencyId, authorUserId: user.id, marking: input.marking, recipientAgencyIds: recipients, now,
      });
      if (id === null) {
        const winner = await this.repository.findByClientId(input.clientId, tx.manager);
        if (!winner) throw conflict('client_id_in_flight', 'The same area is being stored by another request; retry');
        return { watchedArea: this.replay(winner, user, operationId), created: false };
      }
      await this.audit.recordInTransaction(tx, {
        userId: user.id, agencyId: user.agencyId, action: 'watched_area.create', entityType: 'watched_area', entityId: id, operationId,
        details: { clientId: input.clientId, noTeamMinutes: input.noTeamMinutes, marking: input.marking },
      });
      const row = (await this.repository.find(id, tx.manager))!;
      const event = await this.events.appendLast(tx, {
        operationId,
        actor: { userId: user.id, agencyId: user.agencyId },
        marking: row.marking,
        originAgencyId: row.origin_agency_id,
        recipientAgencyIds: row.recipient_agency_ids,
        data: { type: 'watched_area.created', watchedArea: toWatchedArea(row) },
        itemVersionOf: { kind: 'watchedArea', id },
      });
      return { watchedArea: toWatchedArea(row, event.seq), created: true };
    });
  }

  async list(user: AuthUser, operationId: string): Promise<{ items: WatchedArea[] }> {
    const access = await this.access.require(user, operationId);
    const rows = await this.repository.list(operationId, markingVisibility(access.viewer), LIST_LIMIT);
    return { items: rows.map((row) => toWatchedArea(row)) };
  }

  /** Removes the area (idempotent: removing it again answers the same). */
  async remove(user: AuthUser, operationId: string, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const row = await this.repository.find(id, tx.manager, true);
      if (!row || row.operation_id !== operationId) throw notFound('Watched area');
      const access = await this.access.require(user, operationId, tx.manager).catch((error: unknown) => {
        throw error instanceof AppError && error.status === 404 ? notFound('Watched area') : error;
      });
      if (!canView(markedRow(row), access.viewer)) throw notFound('Watched area');
      this.access.assertWriter(user, access);
      if (!mayRemoveWatchedArea(user, { originAgencyId: row.origin_agency_id })) {
        throw forbidden('watched_area_origin_commander_required', 'Only a commander of the agency that marked this area may remove it');
      }
      if (row.removed_at !== null) return;
      const now = this.clock.now().toISOString();
      await this.repository.markRemoved(tx.manager, id, user.id, now);
      await this.audit.recordInTransaction(tx, {
        userId: user.id, agencyId: user.agencyId, action: 'watched_area.remove', entityType: 'watched_area', entityId: id, operationId, details: {},
      });
      await this.events.appendLast(tx, {
        operationId,
        actor: { userId: user.id, agencyId: user.agencyId },
        marking: row.marking,
        originAgencyId: row.origin_agency_id,
        recipientAgencyIds: row.recipient_agency_ids,
        data: { type: 'watched_area.removed', watchedAreaId: id },
      });
    });
  }

  private replay(existing: WatchedAreaRow, user: AuthUser, operationId: string): WatchedArea {
    if (existing.author_user_id !== user.id || existing.operation_id !== operationId) {
      throw conflict('client_id_taken', 'This clientId already identifies another watched area; generate a new one');
    }
    return toWatchedArea(existing);
  }
}
