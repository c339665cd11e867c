import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { AccessChangeBus, type AccessChange } from '../modules/event-log/access-change-bus';
import { allRoomsOf, operationRooms, userRoom } from './operation-rooms';
import { RealtimeServer } from './realtime-server';

/**
 * Access changes take effect on open sockets at once, on every instance: an agency removed from an
 * operation has its sockets told (`access:revoked`) and taken out of the operation's rooms; a
 * disabled user's sockets are told and disconnected. `in(room).emit`, `socketsLeave` and
 * `disconnectSockets` go through the adapter, in that order, to the instances holding the sockets.
 */
@Injectable()
export class AccessRevocation implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AccessRevocation.name);
  private subscription: Subscription | null = null;

  constructor(
    private readonly changes: AccessChangeBus,
    private readonly server: RealtimeServer,
  ) {}

  onModuleInit(): void {
    this.subscription = this.changes.changes$.subscribe((change) => this.apply(change));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private apply(change: AccessChange): void {
    const namespace = this.server.current;
    if (!namespace) return;
    try {
      if (change.kind === 'participant-removed') {
        const room = operationRooms.agency(change.operationId, change.agencyId);
        namespace.in(room).emit('access:revoked', { operationId: change.operationId, reason: 'Your agency no longer takes part in this operation' });
        namespace.in(room).socketsLeave(allRoomsOf(change.operationId, change.agencyId));
      } else {
        const room = userRoom(change.userId);
        namespace.in(room).emit('access:revoked', { operationId: null, reason: 'Your account has been disabled' });
        namespace.in(room).disconnectSockets(true);
      }
    } catch (error) {
      this.logger.error(`applying access change ${change.kind} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
