import { randomUUID } from 'node:crypto';
import {
  SOCKET_NAMESPACE,
  type Ack,
  type ClientToServerEvents,
  type Marking,
  type OperationEvent,
  type ServerToClientEvents,
  type SubscribeResult,
  type TeamPositionsMessage,
} from '@lintas/contracts';
import type { INestApplication } from '@nestjs/common';
import { io, type Socket } from 'socket.io-client';
import { TransactionService } from '../../src/database/transaction.service';
import { EventLogService } from '../../src/modules/event-log/event-log.service';

export type OpsClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client on `/ops`, connected (or the `connect_error` it got, rejected). */
export function connectOps(baseUrl: string, token: string | undefined, options: { reconnection?: boolean } = {}): Promise<OpsClient> {
  const socket: OpsClient = io(`${baseUrl}${SOCKET_NAMESPACE}`, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** What one client received, in order. */
export class Feed {
  readonly events: OperationEvent[] = [];
  readonly caughtUp: { operationId: string; seq: number; delivered: number }[] = [];
  readonly positions: TeamPositionsMessage[] = [];
  readonly revoked: { operationId: string | null; reason: string }[] = [];
  /** Sizes of the catch-up pages received (`operation:events`, subscribed with `pages: true`), in order. */
  readonly pages: number[] = [];
  /** The reason of each disconnect, e.g. 'io server disconnect'. */
  readonly disconnects: string[] = [];

  constructor(socket?: OpsClient) {
    if (socket) this.listen(socket);
  }

  /** Follows a (new) socket; what was received before stays. */
  listen(socket: OpsClient): this {
    socket.on('operation:event', (event) => this.events.push(event));
    // A page is applied as one step, as the dashboard does: all of its events or none.
    socket.on('operation:events', (page) => {
      this.pages.push(page.events.length);
      this.events.push(...page.events);
    });
    socket.on('operation:caught-up', (message) => this.caughtUp.push(message));
    socket.on('team:positions', (message) => this.positions.push(message));
    socket.on('access:revoked', (message) => this.revoked.push(message));
    socket.on('disconnect', (reason) => this.disconnects.push(reason));
    return this;
  }

  get seqs(): number[] {
    return this.events.map((event) => event.seq);
  }

  get lastSeq(): number {
    return this.events.length ? this.events[this.events.length - 1].seq : 0;
  }
}

export async function subscribe(socket: OpsClient, request: { operationId: string; sinceSeq?: number; pages?: boolean }): Promise<Ack<SubscribeResult>> {
  return socket.timeout(10_000).emitWithAck('operation:subscribe', request);
}

/** Polls until `done()` holds; fails with `what` and the last state after `timeoutMs`. */
export async function waitUntil(done: () => boolean, what: string, timeoutMs = 15_000, state: () => unknown = () => ''): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what} ${JSON.stringify(state())}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface EventSpec {
  marking?: Marking;
  originAgencyId: string;
  recipientAgencyIds?: string[];
}

/**
 * Appends one event through the application's own write path (one transaction, published after
 * COMMIT), as the feature services do. The payload is a small placeholder: these specs test the
 * stream, not the features.
 */
export function appendEvent(app: INestApplication, operationId: string, spec: EventSpec): Promise<OperationEvent> {
  const transactions = app.get(TransactionService);
  const eventLog = app.get(EventLogService);
  return transactions.run((tx) =>
    eventLog.appendLast(tx, {
      operationId,
      data: { type: 'operation.site_detached', siteId: randomUUID() },
      actor: null,
      marking: spec.marking ?? 'TLP:GREEN',
      originAgencyId: spec.originAgencyId,
      recipientAgencyIds: spec.recipientAgencyIds ?? [],
    }),
  );
}

/** `writers` concurrent loops appending `perWriter` events each. */
export async function appendConcurrently(app: INestApplication, operationId: string, writers: number, perWriter: number, spec: EventSpec): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let i = 0; i < perWriter; i++) await appendEvent(app, operationId, spec);
    }),
  );
}

/** 1..n, for comparing a feed's seqs with what must have arrived. */
export const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
