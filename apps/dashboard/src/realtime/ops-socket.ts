import type { ClientToServerEvents, ServerToClientEvents } from '@lintas/contracts';
import { SOCKET_NAMESPACE } from '@lintas/contracts/plain';
import { io, type Socket } from 'socket.io-client';
import type { AccessTokens } from '../api/api-client';

export type OpsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket to the live feed (`/ops`), typed with the contracts' event maps. Not connected yet:
 * call `connect()`. Every (re)connection asks the session for a current access token, so a
 * reconnect after the token expired carries a renewed one. WebSocket first (no sticky sessions
 * needed behind a load balancer), long-polling when a proxy refuses WebSockets.
 */
export function createOpsSocket(tokens: AccessTokens, options: { url?: string } = {}): OpsSocket {
  let lastToken: string | null = null;
  const socket: OpsSocket = io(`${options.url ?? ''}${SOCKET_NAMESPACE}`, {
    autoConnect: false,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    randomizationFactor: 0.3,
    auth: (send) => {
      tokens.accessToken().then(
        (token) => {
          lastToken = token;
          send({ token: token ?? '' });
        },
        () => send({ token: lastToken ?? '' }),
      );
    },
  });
  // A refused handshake (expired token) is not retried by socket.io: renew the token and connect again.
  socket.on('connect_error', (error) => {
    const status = (error as Error & { data?: { status?: number } }).data?.status;
    if (status !== 401 || !lastToken || socket.active) return;
    const refused = lastToken;
    lastToken = null;
    void tokens.renewAfterUnauthorized(refused).then(
      (renewed) => {
        if (renewed && renewed !== refused) socket.connect();
      },
      () => undefined,
    );
  });
  return socket;
}

/** The HTTP-like status a refused handshake carries, if any. */
export function handshakeStatus(error: Error): number | null {
  return (error as Error & { data?: { status?: number } }).data?.status ?? null;
}
