import { type Ack, type ClientToServerEvents, SOCKET_NAMESPACE, type ServerToClientEvents, SocketEvents } from '@lintas/contracts';
import { io, type Socket } from 'socket.io-client';

type OpsSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface PositionLoadResult {
  sent: number;
  acknowledged: number;
  refused: Record<string, number>;
  seconds: number;
}

/**
 * Live positions through the socket path field clients use (`team:position`), at a fixed total
 * rate, round robin over the teams and over the posting users (each user stays under the API's
 * per-user limit of 10 a second).
 */
export async function runPositionLoad(options: {
  baseUrl: string;
  operationId: string;
  tokens: string[];
  teamIds: string[];
  box: { south: number; west: number; north: number; east: number };
  perSecond: number;
  durationMs: number;
}): Promise<PositionLoadResult> {
  const sockets = await Promise.all(options.tokens.map((token) => connect(options.baseUrl, token)));
  const where = new Map<string, { lat: number; lon: number; heading: number }>();
  const result: PositionLoadResult = { sent: 0, acknowledged: 0, refused: {}, seconds: 0 };
  const pending: Promise<void>[] = [];
  const started = Date.now();
  try {
    for (;;) {
      const elapsed = Date.now() - started;
      if (elapsed >= options.durationMs) break;
      const due = Math.floor((elapsed / 1000) * options.perSecond);
      while (result.sent < due) {
        const index = result.sent++;
        const teamId = options.teamIds[index % options.teamIds.length];
        const socket = sockets[index % sockets.length];
        const last = where.get(teamId) ?? { lat: rand(options.box.south, options.box.north), lon: rand(options.box.west, options.box.east), heading: rand(0, 360) };
        const heading = (last.heading + rand(-25, 25) + 360) % 360;
        const next = { lat: clamp(last.lat + Math.cos((heading * Math.PI) / 180) * 0.002, options.box.south, options.box.north), lon: clamp(last.lon + Math.sin((heading * Math.PI) / 180) * 0.002, options.box.west, options.box.east), heading };
        where.set(teamId, next);
        pending.push(
          new Promise<void>((resolve) => {
            socket
              .timeout(15_000)
              .emit(
                SocketEvents.postPosition,
                { operationId: options.operationId, teamId, position: { lat: next.lat, lon: next.lon, heading: Math.round(next.heading), speed: 2, accuracy: 8, at: new Date().toISOString() } },
                (error: Error | null, answer: Ack) => {
                  if (error) count(result.refused, 'no acknowledgement');
                  else if (answer.ok) result.acknowledged++;
                  else count(result.refused, `${answer.error.status} ${answer.error.message}`);
                  resolve();
                },
              );
          }),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    result.seconds = (Date.now() - started) / 1000;
    await Promise.all(pending);
    return result;
  } finally {
    for (const socket of sockets) socket.disconnect();
  }
}

function connect(baseUrl: string, token: string): Promise<OpsSocket> {
  const socket: OpsSocket = io(`${baseUrl}${SOCKET_NAMESPACE}`, { auth: { token }, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function rand(min: number, max: number): number {
  return min + Math.random() * (max - min);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
