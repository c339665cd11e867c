import { Injectable, Logger } from '@nestjs/common';
import { canView, markingVisibility, type OperationEvent, type SubscribeRequest, type SubscribeResult, type UnsubscribeRequest } from '@lintas/contracts';
import { conflict } from '../common/app-error';
import { isDatabaseUnavailable } from '../common/pg-errors';
import { EventLogService } from '../modules/event-log/event-log.service';
import { AccessService, type OperationAccess } from '../modules/access/access.service';
import { PositionsService } from '../modules/positions/positions.service';
import { allRoomsOf, memberRooms, operationRooms } from './operation-rooms';
import { OperationStreams, type LiveStream } from './operation-streams';
import type { OpsSocket } from './socket-types';

/** Catch-up reads from the database in pages of this size. */
export const CATCH_UP_PAGE = 500;
/** How long a catch-up waits for this instance's stream to reach a seq the database already has. */
const STREAM_WAIT_MS = 10_000;

/** Subscriptions are numbered, so that a catch-up superseded by a newer subscribe notices and stops. */
let lastGeneration = 0;

export interface Subscription {
  result: SubscribeResult;
  /** Run after the acknowledgement: sends the events after `fromSeq`, then `operation:caught-up`, then live. */
  catchUp: () => Promise<void>;
}

/**
 * `operation:subscribe` and `operation:unsubscribe`. A subscribing socket joins its operation's
 * rooms at once but also the operation's catching-up room, which the live stream excludes; it is
 * sent the events after `sinceSeq` it may see — from the database, page by page, up to what this
 * instance's dispatcher has emitted — and, when the dispatcher's ring buffer holds the rest, it is
 * sent that rest and leaves the catching-up room in one synchronous step. Nothing is emitted to the
 * rooms in between, so the socket gets every event once, in order, with no gap.
 */
@Injectable()
export class SubscriptionService {
  private readonly logger = new Logger(SubscriptionService.name);

  constructor(
    private readonly access: AccessService,
    private readonly eventLog: EventLogService,
    private readonly streams: OperationStreams,
    private readonly positions: PositionsService,
  ) {}

  async subscribe(socket: OpsSocket, request: SubscribeRequest): Promise<Subscription> {
    const user = socket.data.user;
    const { operationId } = request;
    const access = await this.access.require(user, operationId);
    const generation = ++lastGeneration;
    socket.data.subscriptions[operationId] = generation;

    const live = await this.streams.streamFor(operationId, access.leadAgencyId);
    const stream = live.dispatcher;
    if (request.sinceSeq !== undefined) {
      const lastSeq = await this.eventLog.lastSeq(operationId);
      if (request.sinceSeq > lastSeq) {
        throw conflict('seq_ahead', `sinceSeq ${request.sinceSeq} is ahead of the operation's log (last seq ${lastSeq}); load a new snapshot`);
      }
    }
    if (!this.isCurrent(socket, operationId, generation, false)) throw conflict('superseded', 'A newer subscription to this operation replaced this one');

    socket.leave(operationRooms.nonObservers(operationId));
    socket.join([...memberRooms(operationId, user.agencyId, access.role), operationRooms.catchingUp(operationId)]);
    // Checked again now that the socket is in the rooms: a removal committed before this read is
    // refused here, one committed after it reaches the rooms through the access-change bus.
    let confirmed: OperationAccess;
    try {
      confirmed = await this.access.require(user, operationId);
      if (confirmed.role !== access.role) throw conflict('role_changed', "Your agency's role in this operation changed; subscribe again");
    } catch (error) {
      this.leaveOperation(socket, operationId, generation);
      throw error;
    }
    const positions = await this.positions.latestVisible(confirmed);
    const fromSeq = request.sinceSeq ?? stream.deliveredSeq;
    return {
      result: { operationId, fromSeq, positions },
      catchUp: () => this.catchUp(socket, live, confirmed, fromSeq, generation, request.pages === true),
    };
  }

  unsubscribe(socket: OpsSocket, request: UnsubscribeRequest): void {
    const generation = socket.data.subscriptions[request.operationId];
    if (generation !== undefined) this.leaveOperation(socket, request.operationId, generation);
  }

  private async catchUp(socket: OpsSocket, live: LiveStream, access: OperationAccess, fromSeq: number, generation: number, paged: boolean): Promise<void> {
    const { operationId, viewer } = access;
    const { dispatcher: stream, teams } = live;
    const visibility = markingVisibility(viewer);
    let cursor = fromSeq;
    let delivered = 0;
    // A client that asked for pages gets one packet per page (one frame, one write, one parse);
    // older clients one packet per event. Same events, same order, either way.
    const send = (events: OperationEvent[]) => {
      delivered += events.length;
      if (!paged) for (const event of events) socket.emit('operation:event', event);
      else for (let at = 0; at < events.length; at += CATCH_UP_PAGE) socket.emit('operation:events', { operationId, events: events.slice(at, at + CATCH_UP_PAGE) });
    };
    try {
      for (;;) {
        if (!this.isCurrent(socket, operationId, generation, true)) return;
        const streamSeq = stream.deliveredSeq;
        if (cursor > streamSeq) {
          // The client has seen further than this instance's stream has come: let it catch up first.
          await withTimeout(stream.waitFor(cursor), STREAM_WAIT_MS, `the live stream of operation ${operationId} did not reach seq ${cursor}`);
          continue;
        }
        const rest = stream.eventsAfter(cursor);
        if (rest !== null) {
          // From here to the end, synchronous: the dispatcher cannot emit in between.
          send(rest.filter((event) => canView(event, viewer)).map((event) => teams.disclose(event, viewer)));
          socket.leave(operationRooms.catchingUp(operationId));
          socket.emit('operation:caught-up', { operationId, seq: streamSeq, delivered });
          return;
        }
        // Older than the ring buffer: a page from the database, only up to what the stream has emitted.
        const page = await this.eventLog.listSince(operationId, cursor, visibility, CATCH_UP_PAGE);
        if (!this.isCurrent(socket, operationId, generation, true)) return;
        send(page.filter((event) => event.seq <= streamSeq));
        const last = page[page.length - 1];
        cursor = page.length < CATCH_UP_PAGE || last.seq >= streamSeq ? streamSeq : last.seq;
      }
    } catch (error) {
      // The client cannot tell what it missed: disconnecting makes it resubscribe with its last seq.
      const log = isDatabaseUnavailable(error) ? this.logger.warn.bind(this.logger) : this.logger.error.bind(this.logger);
      log(`catch-up of operation ${operationId} for socket ${socket.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.leaveOperation(socket, operationId, generation);
      socket.disconnect(true);
    }
  }

  /** Still connected, still this subscription, and (once in the rooms) not revoked meanwhile. */
  private isCurrent(socket: OpsSocket, operationId: string, generation: number, inRooms: boolean): boolean {
    if (!socket.connected || socket.data.subscriptions[operationId] !== generation) return false;
    return !inRooms || socket.rooms.has(operationRooms.all(operationId));
  }

  private leaveOperation(socket: OpsSocket, operationId: string, generation: number): void {
    if (socket.data.subscriptions[operationId] !== generation) return;
    delete socket.data.subscriptions[operationId];
    for (const room of allRoomsOf(operationId, socket.data.user.agencyId)) socket.leave(room);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
