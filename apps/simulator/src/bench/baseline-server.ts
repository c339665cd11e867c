import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import {
  SOCKET_NAMESPACE,
  SocketEvents,
  type ClientToServerEvents,
  type OperationEvent,
  type Report,
  type ServerToClientEvents,
  type SocketCreateReport,
  type SocketPosition,
} from '@lintas/contracts';
import { Server } from 'socket.io';

/**
 * The fan-out baseline: a bare Socket.IO server (no NestJS, no database, no authorization) on the
 * same namespace and event names as Lintas, that broadcasts to the operation's room exactly the
 * payloads Lintas would — a `report.created` event per report, a `team:positions` message per
 * position — at once, the moment it receives them. Run as a child process: `fork(baseline-server.js)`;
 * it answers `{ type: 'listening', port }` over IPC.
 */
const AGENCY = randomUUID();
const USER = randomUUID();
const seqs = new Map<string, number>();

function reportEvent(request: SocketCreateReport): OperationEvent {
  const now = new Date().toISOString();
  const seq = (seqs.get(request.operationId) ?? 0) + 1;
  seqs.set(request.operationId, seq);
  const input = request.report;
  const report: Report = {
    id: randomUUID(),
    clientId: input.clientId,
    operationId: request.operationId,
    kind: input.kind,
    status: 'reported',
    title: input.title,
    narrative: input.narrative,
    lat: input.lat,
    lon: input.lon,
    siteId: input.siteId,
    occurredAt: input.occurredAt,
    receivedAt: now,
    originAgency: { id: AGENCY, code: 'BENCH', name: 'Bench agency' },
    teamId: input.teamId,
    authorUserId: USER,
    marking: input.marking,
    recipientAgencyIds: input.recipientAgencyIds,
    interception: input.interception,
    statusReason: null,
    statusBy: null,
    statusAt: null,
    updatedAt: now,
    version: seq,
  };
  return {
    type: 'report.created',
    report,
    operationId: request.operationId,
    seq,
    at: now,
    actor: { userId: USER, agencyId: AGENCY },
    marking: input.marking,
    originAgencyId: AGENCY,
    recipientAgencyIds: input.recipientAgencyIds,
  };
}

function start(): void {
  const http = createServer();
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false, transports: ['websocket'] });
  io.of(SOCKET_NAMESPACE).on('connection', (socket) => {
    socket.on(SocketEvents.subscribe, (request, ack) => {
      void socket.join(request.operationId);
      ack({ ok: true, operationId: request.operationId, fromSeq: seqs.get(request.operationId) ?? 0, positions: [] });
    });
    socket.on(SocketEvents.postPosition, (request: SocketPosition, ack) => {
      ack({ ok: true });
      const position = { teamId: request.teamId, ...request.position };
      io.of(SOCKET_NAMESPACE).to(request.operationId).emit(SocketEvents.positions, { operationId: request.operationId, positions: [position] });
    });
    socket.on(SocketEvents.createReport, (request: SocketCreateReport, ack) => {
      const event = reportEvent(request);
      if (event.type === 'report.created') ack({ ok: true, report: event.report });
      io.of(SOCKET_NAMESPACE).to(request.operationId).emit(SocketEvents.event, event);
    });
  });
  http.listen(0, '127.0.0.1', () => {
    const { port } = http.address() as { port: number };
    process.send?.({ type: 'listening', port });
  });
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

start();
