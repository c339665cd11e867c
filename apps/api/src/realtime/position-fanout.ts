import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { TeamPosition } from '@lintas/contracts';
import type { Subscription } from 'rxjs';
import { PositionBus, type CommittedPosition } from '../modules/positions/position-bus';
import { audienceRooms } from './operation-rooms';
import { RealtimeServer } from './realtime-server';

/** Latest positions are sent at most this often per team (a few a second). */
export const POSITION_FLUSH_MS = 250;

/**
 * Positions are latest-value data: of the positions a team committed within one interval, only
 * the newest is sent, as `team:positions`, grouped per operation and audience, to the rooms the
 * team's marking allows. Unlike operation events they need no ordering across instances, so they
 * are broadcast through the adapter from the instance that stored them.
 */
@Injectable()
export class PositionFanout implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PositionFanout.name);
  private pending = new Map<string, CommittedPosition>();
  private timer: NodeJS.Timeout | null = null;
  private subscription: Subscription | null = null;

  constructor(
    private readonly bus: PositionBus,
    private readonly server: RealtimeServer,
  ) {}

  onModuleInit(): void {
    this.subscription = this.bus.positions$.subscribe((position) => this.add(position));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private add(position: CommittedPosition): void {
    const current = this.pending.get(position.team.id);
    if (!current || Date.parse(position.position.at) >= Date.parse(current.position.at)) this.pending.set(position.team.id, position);
    this.timer ??= setTimeout(() => this.flush(), POSITION_FLUSH_MS);
  }

  private flush(): void {
    this.timer = null;
    const batch = this.pending;
    this.pending = new Map();
    const namespace = this.server.current;
    if (!namespace) return;
    const groups = new Map<string, { operationId: string; rooms: string[]; positions: TeamPosition[] }>();
    for (const { team, leadAgencyId, position } of batch.values()) {
      const rooms = audienceRooms(team.operationId, team, leadAgencyId).sort();
      const key = `${team.operationId}|${rooms.join(',')}`;
      const group = groups.get(key) ?? { operationId: team.operationId, rooms, positions: [] };
      group.positions.push(position);
      groups.set(key, group);
    }
    for (const group of groups.values()) {
      try {
        namespace.to(group.rooms).emit('team:positions', { operationId: group.operationId, positions: group.positions });
      } catch (error) {
        this.logger.error(`sending positions of operation ${group.operationId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
