import { Inject, Injectable } from '@nestjs/common';
import {
  applyOperationEvent,
  markingVisibility,
  type Operation,
  type OperationSnapshot,
  type OperationUpdate,
  type Report,
  type Team,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionService } from '../../database/transaction.service';
import type { OperationAccess } from '../access/access.service';
import { AccessService } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { OperationsService } from '../operations/operations.service';
import { SNAPSHOT_REPORT_LIMIT } from '../snapshot/snapshot.service';
import { ReplayRepository } from './replay.repository';

export const REPORT_EVENT_TYPES = ['report.created', 'report.updated'] as const;
export const TEAM_EVENT_TYPES = ['team.created', 'team.updated'] as const;

/**
 * The operation as it was at a moment, in the shape of the live snapshot (`OperationSnapshot`):
 * rebuilt from the event log and the stored positions, read in one consistent transaction, and
 * filtered by the caller's markings as each item was marked then.
 */
@Injectable()
export class SnapshotAtService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly access: AccessService,
    private readonly operations: OperationsService,
    private readonly replay: ReplayRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  snapshotAt(user: AuthUser, operationId: string, at: string): Promise<OperationSnapshot> {
    return this.transactions.read(async (manager) => {
      const access = await this.access.require(user, operationId, manager);
      return this.stateAt(user, access, at, manager);
    });
  }

  /** Inside the caller's read transaction (the after-action report reads more beside it). */
  async stateAt(user: AuthUser, access: OperationAccess, at: string, manager: EntityManager, reportLimit: number | null = SNAPSHOT_REPORT_LIMIT): Promise<OperationSnapshot> {
    const visibility = markingVisibility(access.viewer);
    const seq = await this.replay.seqAt(manager, access.operationId, at);
    const current = await this.operations.getOperation(user, access.operationId, manager);
    const operation = await this.operationAt(manager, current, at);
    const teamEvents = await this.replay.itemsAt(manager, access.operationId, at, TEAM_EVENT_TYPES, visibility);
    const reportEvents = await this.replay.itemsAt(manager, access.operationId, at, REPORT_EVENT_TYPES, visibility, reportLimit ?? undefined);
    const teams = teamEvents.flatMap((event) => (event.type === 'team.created' || event.type === 'team.updated' ? [event.team] : []));
    const positions = new Map((await this.replay.positionsAt(manager, teams.map((team) => team.id), at)).map((p) => [p.teamId, p]));
    const moment = Date.parse(at);
    const staleMs = this.config.positionStaleSeconds * 1000;
    const teamsAt: Team[] = teams.map((team) => {
      const lastPosition = positions.get(team.id) ?? null;
      return { ...team, lastPosition, stale: !lastPosition || moment - Date.parse(lastPosition.at) > staleMs };
    });
    const reports = reportEvents
      .flatMap((event): Report[] => (event.type === 'report.created' || event.type === 'report.updated' ? [event.report] : []))
      .sort((a, b) => Date.parse(b.receivedAt) - Date.parse(a.receivedAt) || (a.id < b.id ? 1 : -1))
      .slice(0, reportLimit ?? undefined);
    return { operation, teams: teamsAt, reports, seq };
  }

  /**
   * The operation's creation logs it whole (`operation.updated`); participants and sites then come
   * and go with their own events. Before its first `operation.updated` (a moment before the
   * operation was created, inside a period that starts earlier) it is shown as that event created
   * it, never with fields changed later; without any such event (a row written outside the API),
   * as it is now, planned, with the lead alone.
   */
  private async operationAt(manager: EntityManager, current: Operation, at: string): Promise<Operation> {
    const viewer = { agencyId: current.leadAgency.id, operationRole: 'lead' as const };
    const events = await this.replay.operationEventsUntil(manager, current.id, at, markingVisibility(viewer));
    const { myRole, ...rest } = current;
    let operation: OperationUpdate = { ...rest, status: 'planned', participants: current.participants.filter((p) => p.role === 'lead'), sites: [] };
    if (!events.some((event) => event.type === 'operation.updated')) {
      const first = await this.replay.firstOperationUpdate(manager, current.id);
      if (first?.type === 'operation.updated') operation = { ...first.operation, participants: first.operation.participants.filter((p) => p.role === 'lead'), sites: [] };
    }
    for (const event of events) operation = applyOperationEvent(operation, event);
    return { ...operation, myRole };
  }
}
