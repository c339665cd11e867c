import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { TeamPosition } from '@lintas/contracts';
import type { Subscription } from 'rxjs';
import { PositionBus, type CommittedPosition } from '../modules/positions/position-bus';
import { audienceRooms } from './operation-rooms';
import { RealtimeServer } from './realtime-server';

/** A team's position is sent at most once in this long (a few a second). */
export const POSITION_FLUSH_MS = 250;

interface TeamWindow {
  /** The newest position committed since the last send, to go out when the window ends. */
  pending: CommittedPosition | null;
  /** The `at` (ms) of the newest position sent or pending: an older one arriving late is dropped. */
  newestAt: number;
  timer: NodeJS.Timeout;
}

/**
 * Positions are latest-value data, throttled per team on the leading edge: a team's committed
 * position is sent at once unless one of the team's was sent in the last `POSITION_FLUSH_MS`; then
 * it is kept (only the newest) and sent when that window ends, which opens the next window. So an
 * idle team's position is delayed by nothing, and no team sends more than once per window, as
 * before. The sends that fall due in one turn of the event loop (a committed batch, windows ending
 * together) go out as one `team:positions` per operation and audience, to the rooms the team's
 * marking allows. Unlike operation events they need no ordering across instances, so they are
 * broadcast through the adapter from the instance that stored them.
 */
@Injectable()
export class PositionFanout implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PositionFanout.name);
  /** Teams with a window open (sent in the last `POSITION_FLUSH_MS`). */
  private readonly windows = new Map<string, TeamWindow>();
  /** Sends due in this turn of the event loop, grouped when it ends. */
  private due: CommittedPosition[] = [];
  private dueScheduled: NodeJS.Immediate | null = null;
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
    for (const window of this.windows.values()) clearTimeout(window.timer);
    this.windows.clear();
    if (this.dueScheduled) clearImmediate(this.dueScheduled);
    this.dueScheduled = null;
    this.due = [];
  }

  private add(position: CommittedPosition): void {
    const teamId = position.team.id;
    const at = Date.parse(position.position.at);
    const window = this.windows.get(teamId);
    if (window) {
      if (at >= window.newestAt) {
        window.pending = position;
        window.newestAt = at;
      }
      return;
    }
    this.send(position, at);
  }

  /** Sends now (in this turn's group) and opens the team's window. */
  private send(position: CommittedPosition, at: number): void {
    const teamId = position.team.id;
    const timer = setTimeout(() => this.closeWindow(teamId), POSITION_FLUSH_MS);
    this.windows.set(teamId, { pending: null, newestAt: at, timer });
    this.due.push(position);
    this.dueScheduled ??= setImmediate(() => this.flush());
  }

  private closeWindow(teamId: string): void {
    const window = this.windows.get(teamId);
    if (!window) return;
    this.windows.delete(teamId);
    if (window.pending) this.send(window.pending, window.newestAt);
  }

  private flush(): void {
    this.dueScheduled = null;
    const batch = this.due;
    this.due = [];
    const namespace = this.server.current;
    if (!namespace) return;
    const groups = new Map<string, { operationId: string; rooms: string[]; positions: TeamPosition[] }>();
    for (const { team, leadAgencyId, position } of batch) {
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
