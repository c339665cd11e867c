import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OperationEvent, TeamPositionsMessage } from '@lintas/contracts';
import { Server } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { operationRooms } from './operation-rooms';
import { SlicedBroadcast } from './sliced-broadcast';
import type { OpsNamespace, OpsSocket } from './socket-types';

const OP = '11111111-1111-4111-8111-111111111111';
const event = (seq: number) => ({ type: 'operation.note', operationId: OP, seq }) as unknown as OperationEvent;

/**
 * The outboxes against a real Socket.IO server and real clients over WebSocket: what waits for a
 * socket goes out in one write, in order, once; a socket whose subscription changed is skipped.
 */
describe('SlicedBroadcast (outbox per socket)', () => {
  let http: HttpServer;
  let server: Server;
  let namespace: OpsNamespace;
  const clients: ClientSocket[] = [];
  const received = new Map<ClientSocket, { name: string; seq?: number; teams?: string[] }[]>();

  beforeAll(async () => {
    http = createServer();
    server = new Server(http);
    namespace = server.of('/ops') as unknown as OpsNamespace;
    namespace.on('connection', (socket: OpsSocket) => {
      socket.data.subscriptions = { [OP]: 1 };
      void socket.join([operationRooms.all(OP), socket.id]);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    for (let i = 0; i < 5; i++) {
      const client = io(`http://127.0.0.1:${port}/ops`, { transports: ['websocket'], forceNew: true, reconnection: false });
      const log: { name: string; seq?: number; teams?: string[] }[] = [];
      client.on('operation:event', (e: OperationEvent) => log.push({ name: 'event', seq: e.seq }));
      client.on('team:positions', (m: TeamPositionsMessage) => log.push({ name: 'positions', teams: m.positions.map((p) => p.teamId) }));
      received.set(client, log);
      clients.push(client);
      await new Promise((resolve) => client.once('connect', resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('writes everything queued for a socket in one write, in order, each once; skips a superseded subscription', async () => {
    const broadcast = new SlicedBroadcast(2);
    const sockets = [...namespace.sockets.values()];
    const writes = new Map<string, number>();
    for (const socket of sockets) {
      const client = socket.client as unknown as { _packet: (...args: unknown[]) => void };
      const original = client._packet.bind(client);
      client._packet = (...args: unknown[]) => {
        writes.set(socket.id, (writes.get(socket.id) ?? 0) + 1);
        original(...args);
      };
    }
    // Three events and a position message addressed in one turn: more sockets than a slice, so they queue.
    const all = [operationRooms.all(OP)];
    broadcast.send(namespace, all, [], event(1));
    broadcast.sendToRooms(namespace, all, 'team:positions', { operationId: OP, positions: [{ teamId: 't1' }] } as unknown as TeamPositionsMessage);
    broadcast.send(namespace, all, [], event(2));
    broadcast.send(namespace, all, [], event(3));
    // The last socket resubscribes before its turn: the events addressed to its old subscription are skipped.
    sockets[4].data.subscriptions[OP] = 2;

    const expected = [{ name: 'event', seq: 1 }, { name: 'positions', teams: ['t1'] }, { name: 'event', seq: 2 }, { name: 'event', seq: 3 }];
    const deadline = Date.now() + 10_000;
    while (clients.slice(0, 4).some((client) => received.get(client)!.length < 4) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const bySocketId = new Map(clients.map((client) => [client.id, received.get(client)!]));
    for (const socket of sockets.slice(0, 4)) {
      expect(bySocketId.get(socket.id)).toEqual(expected);
      expect(writes.get(socket.id)).toBe(1);
    }
    expect(bySocketId.get(sockets[4].id)).toEqual([{ name: 'positions', teams: ['t1'] }]);
  });
});
