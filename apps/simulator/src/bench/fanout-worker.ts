import type { OperationEvent, TeamPositionsMessage } from '@lintas/contracts';
import { SocketEvents } from '@lintas/contracts';
import { connectOpsSocket, subscribe, waitForConnect, type OpsSocket } from '../client/ops-socket';
import type { FanoutWorkerConfig, FromWorker, ToWorker } from './fanout-protocol';
import { encodeLatencies, newLatencies } from './latency';

/**
 * A child process holding many dashboard sockets subscribed to one operation. Each delivery's
 * latency is the receive time minus the time the field client stamped on it when posting
 * (`occurredAt` of a report, `at` of a position): both clocks are this machine's.
 */
let sockets: OpsSocket[] = [];
let reportLatencies = newLatencies();
let positionLatencies = newLatencies();
let crossLatencies = newLatencies();
/** Team id → the instance its field client posts through. */
let origins: Record<string, number> = {};
let reports = 0;
let positions = 0;
let disconnects = 0;

function send(message: FromWorker): void {
  process.send?.(message);
}

function record(latencies: ReturnType<typeof newLatencies>, stampedAt: string, instance: number, teamId: string | null): void {
  const latency = Math.max(0, Date.now() - Date.parse(stampedAt));
  latencies.recordValue(latency);
  const origin = teamId === null ? undefined : origins[teamId];
  if (origin !== undefined && origin !== instance) crossLatencies.recordValue(latency);
}

async function start(config: FanoutWorkerConfig): Promise<void> {
  let failed = 0;
  let firstError: string | null = null;
  const queue = Array.from({ length: config.sockets }, (_, index) => index);
  const connectOne = async (index: number) => {
    const instance = index % config.urls.length;
    const socket = connectOpsSocket(config.urls[instance], config.tokens[index % config.tokens.length], { reconnection: false });
    socket.on(SocketEvents.event, (event: OperationEvent) => {
      if (event.type !== 'report.created') return;
      reports++;
      record(reportLatencies, event.report.occurredAt, instance, event.report.teamId);
    });
    socket.on(SocketEvents.positions, (message: TeamPositionsMessage) => {
      for (const position of message.positions) {
        positions++;
        record(positionLatencies, position.at, instance, position.teamId);
      }
    });
    socket.on('disconnect', () => disconnects++);
    sockets.push(socket);
    try {
      await waitForConnect(socket);
      await subscribe(socket, config.operationId);
    } catch (error) {
      failed++;
      firstError ??= (error as Error).message;
    }
  };
  const lanes = Array.from({ length: Math.max(1, config.connectConcurrency) }, async () => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) await connectOne(index);
  });
  await Promise.all(lanes);
  send({ type: 'ready', connected: config.sockets - failed, failed, firstError });
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'start':
      start(message.config).catch((error: Error) => send({ type: 'error', message: error.message }));
      break;
    case 'reset':
      reportLatencies = newLatencies();
      positionLatencies = newLatencies();
      crossLatencies = newLatencies();
      reports = 0;
      positions = 0;
      break;
    case 'origins':
      origins = message.teams;
      break;
    case 'collect':
      send({
        type: 'collected',
        reportLatency: encodeLatencies(reportLatencies),
        positionLatency: encodeLatencies(positionLatencies),
        crossLatency: encodeLatencies(crossLatencies),
        reports,
        positions,
        disconnects,
      });
      break;
    case 'stop':
      for (const socket of sockets) socket.disconnect();
      sockets = [];
      // Let the close frames go out, then leave.
      setTimeout(() => process.exit(0), 200);
      break;
  }
});

// Never outlive the bench: if the parent goes away, so does this worker.
process.on('disconnect', () => process.exit(0));
