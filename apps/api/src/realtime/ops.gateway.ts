import { Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayConnection, type OnGatewayInit } from '@nestjs/websockets';
import {
  SOCKET_NAMESPACE,
  SocketEvents,
  socketCreateReportSchema,
  socketPositionSchema,
  subscribeSchema,
  unsubscribeSchema,
  type ClientToServerEvents,
} from '@lintas/contracts';
import { AppError } from '../common/app-error';
import { toErrorBody } from '../common/error.filter';
import { parseInput } from '../common/validation';
import { AuthService } from '../modules/auth/auth.service';
import { PositionsService } from '../modules/positions/positions.service';
import { WriteRateLimiter } from '../modules/rate-limits/write-rate-limiter';
import { ReportsService } from '../modules/reports/reports.service';
import { agencyRoom, sessionRoom, userRoom } from './operation-rooms';
import { RealtimeServer } from './realtime-server';
import { answerAck } from './socket-ack';
import type { AckResult, OpsNamespace, OpsSocket } from './socket-types';
import { SubscriptionService } from './subscription.service';

/** Largest message a client may send (a report with its narrative fits easily). */
const MAX_MESSAGE_BYTES = 256 * 1024;

/**
 * The live feed, namespace `/ops`. The access token goes in the handshake (`auth: { token }`) and
 * is checked like a bearer token; a refusal reaches the client's `connect_error` with its message.
 * Each client event is validated with its contracts schema and answered through its
 * acknowledgement, `{ ok: true, ... }` or `{ ok: false, error: { status, message, issues? } }`.
 */
@WebSocketGateway({ namespace: SOCKET_NAMESPACE, serveClient: false, maxHttpBufferSize: MAX_MESSAGE_BYTES })
export class OpsGateway implements OnGatewayInit<OpsNamespace>, OnGatewayConnection<OpsSocket> {
  private readonly logger = new Logger(OpsGateway.name);

  constructor(
    private readonly auth: AuthService,
    private readonly server: RealtimeServer,
    private readonly subscriptions: SubscriptionService,
    private readonly positions: PositionsService,
    private readonly reports: ReportsService,
    private readonly rateLimits: WriteRateLimiter,
  ) {}

  afterInit(namespace: OpsNamespace): void {
    namespace.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: unknown) => {
          if (!(error instanceof AppError)) this.logger.warn(`handshake failed: ${error instanceof Error ? error.message : String(error)}`);
          next(handshakeError(error));
        },
      );
    });
    this.server.attach(namespace);
  }

  handleConnection(socket: OpsSocket): void {
    void socket.join([userRoom(socket.data.user.id), sessionRoom(socket.data.sessionId), agencyRoom(socket.data.user.agencyId)]);

    this.on(socket, SocketEvents.subscribe, async (request, after) => {
      await this.rateLimits.consume(socket.data.user.id, 'subscribe');
      const subscription = await this.subscriptions.subscribe(socket, parseInput(subscribeSchema, request));
      after(subscription.catchUp);
      return subscription.result;
    });
    this.on(socket, SocketEvents.unsubscribe, async (request) => {
      this.subscriptions.unsubscribe(socket, parseInput(unsubscribeSchema, request));
      return {};
    });
    this.on(socket, SocketEvents.createReport, async (request) => {
      await this.rateLimits.consume(socket.data.user.id, 'write');
      const input = parseInput(socketCreateReportSchema, request);
      const { report } = await this.reports.create(socket.data.user, input.operationId, input.report);
      return { report };
    });
    this.on(socket, SocketEvents.postPosition, async (request) => {
      await this.positions.recordLive(socket.data.user, parseInput(socketPositionSchema, request));
      return {};
    });
  }

  private async authenticate(socket: OpsSocket): Promise<void> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      throw new AppError(401, 'unauthorized', 'Sign in first: pass the access token as auth: { token } when connecting');
    }
    const { user, sessionId } = await this.auth.authenticateSession(token);
    socket.data.user = user;
    socket.data.sessionId = sessionId;
    socket.data.subscriptions = {};
  }

  /**
   * Registers a handler for one client event: the request arrives untyped (it is validated inside),
   * and `after` schedules work to run once the acknowledgement has been sent.
   */
  private on<E extends keyof ClientToServerEvents>(
    socket: OpsSocket,
    event: E,
    handler: (request: unknown, after: (work: () => Promise<void>) => void) => Promise<AckResult<E>>,
  ): void {
    const listener = (...args: unknown[]) => {
      // A client that sends no payload puts its callback first.
      const [request, ack] = args.length === 1 && typeof args[0] === 'function' ? [undefined, args[0]] : args;
      let followUp: (() => Promise<void>) | null = null;
      void answerAck(ack, this.logger, () => handler(request, (work) => (followUp = work))).then((ok) => {
        if (ok && followUp) return followUp();
      }).catch((error: unknown) => this.logger.error(`${event} follow-up failed: ${error instanceof Error ? error.message : String(error)}`));
    };
    // The listener takes `unknown` on purpose (validated inside); socket.io's generic overloads cannot express that.
    socket.on(event, listener as never);
  }
}

/** What the client sees in `connect_error`: the message, and the status in `data` (503 when the database is away: retry). */
function handshakeError(error: unknown): Error {
  const body = toErrorBody(error);
  const message = body.statusCode >= 500 && body.statusCode !== 503 ? 'The server could not check the access token; try again' : body.message;
  return Object.assign(new Error(message), { data: { status: body.statusCode } });
}
