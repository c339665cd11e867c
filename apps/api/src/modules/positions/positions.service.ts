import { Injectable } from '@nestjs/common';
import {
  canView,
  markingVisibility,
  type MarkedItem,
  type PositionBatch,
  type PositionBatchResult,
  type PositionHistoryQuery,
  type SocketPosition,
  type TeamPosition,
  type TeamTrackPage,
} from '@lintas/contracts';
import { notFound } from '../../common/app-error';
import { retryOnTransientConflict } from '../../common/pg-errors';
import { decodePositionCursor, encodePositionCursor } from './position-cursor';
import { TransactionService } from '../../database/transaction.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AccessService, type OperationAccess } from '../access/access.service';
import { PositionBatchWriter } from './position-batch-writer';
import { PositionBus } from './position-bus';
import { PositionRateLimiter } from './position-rate-limiter';
import type { TeamMarking } from './position.mapper';
import { PositionsRepository } from './positions.repository';


/**
 * Team positions: live updates from field clients (batched, acknowledged once committed), outbox
 * uploads, the latest position of each visible team, and track history. Who may post a team's
 * position: a writer of the operation (not an observer, not a liaison, operation not closed) who may
 * post for the team (`postForTeamRefusal` in libs/contracts, the rule reports follow too).
 */
@Injectable()
export class PositionsService {
  constructor(
    private readonly access: AccessService,
    private readonly repository: PositionsRepository,
    private readonly writer: PositionBatchWriter,
    private readonly limiter: PositionRateLimiter,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly bus: PositionBus,
  ) {}

  /** One live position (socket `team:position`): resolves once it is committed. */
  async recordLive(user: AuthUser, input: SocketPosition): Promise<void> {
    await this.limiter.assertUser(user.id);
    const { access, team } = await this.authorizeTeamWriter(user, input.operationId, input.teamId);
    await this.limiter.assertTeam(team.id);
    await this.writer.write({ leadAgencyId: access.leadAgencyId, team, position: input.position });
  }

  /**
   * The CoT listener's first check of a device's position event, before it reads the binding: the
   * per-user limit of `recordLive`, counted per device (a device cannot use up its commander's own
   * budget, and a flood costs no query).
   */
  admitDeviceEvent(deviceUid: string): Promise<void> {
    return this.limiter.assertDevice(deviceUid);
  }

  /**
   * One position from a bound TAK device, posted as the commander who bound it, after
   * `admitDeviceEvent`: the same authorization, team rate limit and batched writer as `recordLive`.
   */
  async recordFromDevice(user: AuthUser, input: SocketPosition): Promise<void> {
    const { access, team } = await this.authorizeTeamWriter(user, input.operationId, input.teamId);
    await this.limiter.assertTeam(team.id);
    await this.writer.write({ leadAgencyId: access.leadAgencyId, team, position: input.position });
  }

  /** A field outbox's positions, oldest first, in one transaction; a re-sent position is stored once. */
  async storeBatch(user: AuthUser, operationId: string, teamId: string, batch: PositionBatch): Promise<PositionBatchResult> {
    await this.limiter.assertUser(user.id);
    const { access, team } = await this.authorizeTeamWriter(user, operationId, teamId);
    // The same lock race as the live writer's (PositionBatchWriter): a deadlocked or serialization-
    // failed upload is run again here, not answered 503; a re-sent position is stored once.
    const stored = await retryOnTransientConflict(() => this.storeUpload(user, access, team, batch));
    return { accepted: batch.positions.length, stored };
  }

  /** One try of an outbox upload: the positions and their audit line in one transaction. */
  private storeUpload(user: AuthUser, access: OperationAccess, team: TeamMarking, batch: PositionBatch): Promise<number> {
    const { operationId } = access;
    const teamId = team.id;
    return this.transactions.run(async (tx) => {
      const result = await this.repository.store(
        tx.manager,
        batch.positions.map((position) => ({ teamId, operationId, position })),
      );
      await this.audit.recordInTransaction(tx, {
        userId: user.id,
        agencyId: user.agencyId,
        action: 'team.positions_uploaded',
        entityType: 'team',
        entityId: teamId,
        operationId,
        details: { accepted: batch.positions.length, stored: result.stored },
      });
      tx.afterCommit(() => {
        for (const position of result.latest) this.bus.publish({ leadAgencyId: access.leadAgencyId, team, position });
      });
      return result.stored;
    });
  }

  /** A team's track, oldest first, for replay; visible under the team's marking. */
  async history(user: AuthUser, operationId: string, teamId: string, query: PositionHistoryQuery): Promise<TeamTrackPage> {
    const access = await this.access.require(user, operationId);
    await this.visibleTeam(user, access, teamId);
    const after = query.cursor === undefined ? null : decodePositionCursor(query.cursor);
    const page = await this.repository.track(teamId, { from: query.from ?? null, to: query.to ?? null, after, limit: query.limit });
    return { teamId, items: page.items, nextCursor: page.cursor === null ? null : encodePositionCursor(page.cursor) };
  }

  /** The latest position of every team of the operation the viewer may see (the subscribe answer). */
  latestVisible(access: OperationAccess): Promise<TeamPosition[]> {
    return this.repository.latestVisible(access.operationId, markingVisibility(access.viewer));
  }

  private async authorizeTeamWriter(user: AuthUser, operationId: string, teamId: string): Promise<{ access: OperationAccess; team: TeamMarking }> {
    // The membership and the team in one statement (a live position's latency is its round trips);
    // the membership is judged first, so an outsider learns nothing about the team.
    const context = await this.access.readWriterContext(user, operationId, { teamId });
    const access = this.access.assertWriter(user, context.access);
    const team = visibleTo(access, context.team);
    this.access.assertMayPostForTeam(user, teamId, team);
    return { access, team: { id: team.id, operationId: team.operationId, originAgencyId: team.originAgencyId, marking: team.marking, recipientAgencyIds: team.recipientAgencyIds } };
  }

  private async visibleTeam(user: AuthUser, access: OperationAccess, teamId: string) {
    return visibleTo(access, await this.access.teamInOperation(user, access.operationId, teamId));
  }
}

/** The team, if the viewer may see it; else 404, exactly as for a team that does not exist. */
function visibleTo<T extends MarkedItem>(access: OperationAccess, team: T | null): T {
  if (!team || !canView(team, access.viewer)) throw notFound('Team');
  return team;
}
