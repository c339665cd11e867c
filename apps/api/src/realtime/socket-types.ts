import type { ClientToServerEvents, OperationEvent, ServerToClientEvents } from '@lintas/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { AccessChange } from '../modules/event-log/access-change-bus';
import type { AuthUser } from '../modules/auth/auth-user';

/**
 * Messages between API instances (through the Socket.IO adapter), never seen by clients: every
 * committed operation event and access change is passed to the other instances, which apply it
 * to their own sockets.
 */
export interface InterServerEvents {
  'operation-event': (event: OperationEvent) => void;
  'access-change': (change: AccessChange) => void;
}

export interface SocketData {
  user: AuthUser;
  /** The sign-in whose access token opened the socket; logging out of it closes the socket. */
  sessionId: string;
  /** Operation id → the generation of its current subscription on this socket (a resubscribe supersedes a catch-up in flight). */
  subscriptions: Record<string, number>;
}

export type OpsNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type OpsSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** What a handler of client event `E` answers on success (the ack without `ok`). */
export type AckResult<E extends keyof ClientToServerEvents> = Omit<
  Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>,
  'ok'
>;
