import {
  SOCKET_NAMESPACE,
  SocketEvents,
  type Ack,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeResult,
} from '@lintas/contracts';
import { io, type Socket } from 'socket.io-client';
import { requireLocalUrl } from '../harness/local-url';

export type OpsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket on the live-feed namespace, authenticated like the dashboard's (`auth: { token }`). */
export function connectOpsSocket(baseUrl: string, token: string | (() => string), options: { reconnection?: boolean } = {}): OpsSocket {
  return io(`${requireLocalUrl(baseUrl, 'API URL')}${SOCKET_NAMESPACE}`, {
    auth: (send) => send({ token: typeof token === 'function' ? token() : token }),
    transports: ['websocket'],
    forceNew: true,
    reconnection: options.reconnection ?? true,
    reconnectionAttempts: 20,
    timeout: 20_000,
  }) as OpsSocket;
}

export function waitForConnect(socket: OpsSocket, timeoutMs = 20_000): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error('socket connection timed out')), timeoutMs);
    socket.once('connect', () => (clearTimeout(timer), done()));
    socket.once('connect_error', (error) => (clearTimeout(timer), fail(error)));
  });
}

/** Subscribes to an operation's feed; answers what the server answered, or throws its error. */
export async function subscribe(socket: OpsSocket, operationId: string, sinceSeq?: number, timeoutMs = 30_000): Promise<SubscribeResult> {
  const answer = (await socket.timeout(timeoutMs).emitWithAck(SocketEvents.subscribe, sinceSeq === undefined ? { operationId } : { operationId, sinceSeq })) as Ack<SubscribeResult>;
  if (!answer.ok) throw new Error(`subscribe refused: ${answer.error.status} ${answer.error.message}`);
  return answer;
}
