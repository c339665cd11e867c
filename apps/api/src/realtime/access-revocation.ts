import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { AccessChangeBus, type AccessChange } from '../modules/event-log/access-change-bus';
import { agencyRoom, allRoomsOf, operationRooms, sessionRoom, userRoom } from './operation-rooms';
import { RealtimeServer } from './realtime-server';

/**
 * Access changes take effect on open sockets at once, on every instance: an agency removed from an
 * operation has its sockets told (`access:revoked`) and taken out of the operation's rooms; the
 * sockets of a user signed out everywhere (disabled, new password) or of one ended sign-in are told
 * and disconnected; a user whose role changed keeps its sockets, which act with the new role from
 * the next event on (a demoted commander's open socket can no longer post). Team membership needs
 * nothing here: every report and position reads it from the database as it is written.
 *
 * Each instance applies a change to its own sockets, synchronously (`local`), the instance where
 * it committed first and the others when it reaches them (`serverSideEmit`, through the adapter).
 * Applying it locally at once matters: the adapter's cluster-wide `socketsLeave` would wait for a
 * Redis round trip, during which this instance could still emit newer events to those sockets.
 */
@Injectable()
export class AccessRevocation implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AccessRevocation.name);
  private subscription: Subscription | null = null;
  private readonly clustered: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly changes: AccessChangeBus,
    private readonly server: RealtimeServer,
  ) {
    this.clustered = config.redisUrl !== null;
  }

  onModuleInit(): void {
    this.subscription = this.changes.changes$.subscribe((change) => {
      this.apply(change);
      if (this.clustered) this.relay(change);
    });
    this.server.whenAttached((namespace) => namespace.on('access-change', (change) => this.apply(change)));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private relay(change: AccessChange): void {
    try {
      this.server.current?.serverSideEmit('access-change', change);
    } catch (error) {
      this.logger.error(`relaying access change ${change.kind} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** On this instance's sockets only; must never throw into the writer that published the change. */
  private apply(change: AccessChange): void {
    const namespace = this.server.current;
    if (!namespace) return;
    try {
      if (change.kind === 'user-role-changed') {
        // Every socket event is authorized with socket.data.user: from the next one on, the new role decides.
        for (const socketId of namespace.adapter.rooms.get(userRoom(change.userId)) ?? []) {
          const socket = namespace.sockets.get(socketId);
          if (socket) socket.data.user = { ...socket.data.user, role: change.role };
        }
      } else if (change.kind === 'participant-added') {
        namespace.local.in(agencyRoom(change.agencyId)).emit('operations:changed', { operationId: change.operationId, change: 'added' });
      } else if (change.kind === 'participant-removed') {
        namespace.local.in(agencyRoom(change.agencyId)).emit('operations:changed', { operationId: change.operationId, change: 'removed' });
        const room = operationRooms.agency(change.operationId, change.agencyId);
        namespace.local.in(room).emit('access:revoked', { operationId: change.operationId, reason: 'Your agency no longer takes part in this operation' });
        namespace.local.in(room).socketsLeave(allRoomsOf(change.operationId, change.agencyId));
      } else {
        const room = change.kind === 'user-signed-out' ? userRoom(change.userId) : sessionRoom(change.sessionId);
        namespace.local.in(room).emit('access:revoked', { operationId: null, reason: change.reason });
        namespace.local.in(room).disconnectSockets(true);
      }
    } catch (error) {
      this.logger.error(`applying access change ${change.kind} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
