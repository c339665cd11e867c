import { Injectable } from '@nestjs/common';
import {
  markingVisibility,
  REPLAY_EVENT_LIMIT,
  replayMarkOf,
  replayWithdrawals,
  type OperationEvent,
  type ReplayMark,
  type ReplayTrack,
  type ReplayWindow,
  type ReplayWindowQuery,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionService } from '../../database/transaction.service';
import { AccessService, type OperationAccess } from '../access/access.service';
import type { AuthUser } from '../auth/auth-user';
import { ReplayRepository } from './replay.repository';
import { visibleAt } from './team-visibility';

/**
 * The events of a replay window (for the player, the timeline and the marks on the time bar) and
 * the teams' tracks over it, thinned for the window's length, as the caller may see them.
 */
@Injectable()
export class ReplayWindowService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly access: AccessService,
    private readonly replay: ReplayRepository,
  ) {}

  window(user: AuthUser, operationId: string, query: ReplayWindowQuery): Promise<ReplayWindow> {
    return this.transactions.read(async (manager) => {
      const access = await this.access.require(user, operationId, manager);
      const found = await this.replay.eventsBetween(manager, operationId, query.from, query.to, markingVisibility(access.viewer), REPLAY_EVENT_LIMIT + 1);
      const events = found.slice(0, REPLAY_EVENT_LIMIT);
      const stepSeconds = Math.max(1, (Date.parse(query.to) - Date.parse(query.from)) / 1000 / query.points);
      const tracks = await this.tracks(manager, access, query.from, query.to, stepSeconds);
      const markings = await this.replay.itemMarkingsAround(manager, operationId, query.from, query.to);
      const withdrawals = replayWithdrawals(markings.previous, markings.events, access.viewer);
      return { from: query.from, to: query.to, events, truncated: found.length > REPLAY_EVENT_LIMIT, withdrawals, marks: marksOf(events), tracks };
    });
  }

  /** Tracks of the teams the caller may see, each point kept only while its team was visible. */
  async tracks(manager: EntityManager, access: OperationAccess, from: string, to: string, stepSeconds: number): Promise<ReplayTrack[]> {
    const spans = await this.replay.teamMarkings(manager, access.operationId, to);
    const visible = visibleAt(spans, access.viewer);
    const teamIds = [...new Set(spans.map((span) => span.teamId))];
    const tracks = await this.replay.tracks(manager, teamIds, from, to, stepSeconds);
    return tracks
      .map((track) => ({ teamId: track.teamId, points: track.points.filter((point) => visible(track.teamId, point.at)) }))
      .filter((track) => track.points.length > 0);
  }
}

export function marksOf(events: readonly OperationEvent[]): ReplayMark[] {
  const teamStatus = new Map<string, string>();
  const marks: ReplayMark[] = [];
  for (const event of events) {
    const kind = replayMarkOf(event, event.type === 'team.updated' ? teamStatus.get(event.team.id) : undefined);
    if (event.type === 'team.created' || event.type === 'team.updated') teamStatus.set(event.team.id, event.team.status);
    if (kind) marks.push({ seq: event.seq, at: event.at, kind });
  }
  return marks;
}
