import type { ClientToServerEvents, OperationEvent, ServerToClientEvents } from '@lintas/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { AuthUser } from '../modules/auth/auth-user';

/**
 * Messages between API instances (through the Socket.IO adapter), never seen by clients: every
 * committed operation event is passed to the other instances, whose dispatchers order it with
 * their own and emit it to their own sockets.
 */
export interface InterServerEvents {
  'operation-event': (event: OperationEvent) => void;
}

export interface SocketData {
  user: AuthUser;
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
