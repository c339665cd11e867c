import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MalformedCotError, readCotEvent, type CotEvent } from './cot-event-reader';
import { CotFramer } from './cot-framer';
import { CotIngestService } from './cot-ingest.service';
import { CotPictureService } from './cot-picture.service';
import { pongCot } from './cot-writer';

/** Events read from a connection but not handled yet; past it, reading pauses (TCP pushes back on the sender). */
const MAX_QUEUED_EVENTS = 100;
/** Outbound bytes a slow reader may leave unread before updates to it are dropped (positions are latest-value). */
const MAX_UNSENT_BYTES = 512 * 1024;
/** A connection that sends nothing (not even a ping) for this long is closed. */
const IDLE_MS = 5 * 60_000;
const MAX_CONNECTIONS = 2000;
/** Events of one connection handled at once. */
const MAX_IN_FLIGHT = 8;

/**
 * The optional CoT listener (`COT_PORT`, off by default; `COT_HOST`; TLS with client
 * certificates when `COT_TLS_*` are set): plain CoT XML over TCP as ATAK and WinTAK stream it.
 * Each connection is read on its own, one event at a time, with a bounded queue: a slow or hostile
 * client holds only its own buffer, and a refused stream (a DTD or entity, more than 64 KB, XML
 * that is not well-formed) closes that connection with nothing stored.
 */
@Injectable()
export class CotListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CotListener');
  private server: Server | null = null;
  private readonly connections = new Set<Socket>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ingest: CotIngestService,
    private readonly picture: CotPictureService,
  ) {}

  /** The port it listens on (COT_PORT=0 picks one), or null when off. */
  get port(): number | null {
    const address = this.server?.address() as AddressInfo | null | undefined;
    return address ? address.port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const cot = this.config.cot;
    if (!cot) return;
    const onConnection = (socket: Socket) => this.serve(socket);
    this.server = cot.tls
      ? createTlsServer(
          {
            cert: readFileSync(cot.tls.cert),
            key: readFileSync(cot.tls.key),
            ...(cot.tls.ca ? { ca: readFileSync(cot.tls.ca), requestCert: true, rejectUnauthorized: true } : {}),
          },
          onConnection,
        )
      : createTcpServer(onConnection);
    this.server.maxConnections = MAX_CONNECTIONS;
    this.server.on('tlsClientError', (error: Error) => this.logger.warn(`CoT TLS handshake refused: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(cot.port, cot.host, () => resolve());
    });
    this.logger.log(`CoT listener on ${cot.host}:${this.port} (${cot.tls ? (cot.tls.ca ? 'TLS, client certificates required' : 'TLS') : 'plain TCP'})`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    for (const socket of this.connections) socket.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  private serve(socket: Socket): void {
    const peer = `${socket.remoteAddress}:${socket.remotePort}`;
    this.connections.add(socket);
    socket.setNoDelay(true);
    socket.setTimeout(IDLE_MS, () => socket.destroy());
    const framer = new CotFramer();
    const queue: string[] = [];
    let working = false;
    let closed = false;
    let boundUid: string | null = null;
    let detach: (() => void) | null = null;

    const send = (xml: string) => {
      if (closed || socket.writableLength > MAX_UNSENT_BYTES) return;
      socket.write(xml);
    };
    const close = (why: string | null) => {
      if (closed) return;
      closed = true;
      queue.length = 0;
      if (why) this.logger.warn(`CoT connection ${peer} closed: ${why}`);
      socket.destroy();
    };
    const inFlight = new Set<Promise<void>>();
    const handle = (event: CotEvent) =>
      this.ingest.handle(event, peer).then((outcome) => {
        if (outcome.kind === 'ping') send(pongCot(new Date()));
        if (outcome.kind === 'stored' && boundUid === null && !closed) {
          boundUid = event.uid;
          this.picture
            .attach(outcome.binding, send)
            .then((stop) => (closed ? stop() : (detach = stop)))
            .catch((error: unknown) => this.logger.warn(`CoT picture for ${event.uid} not sent: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    // Events of one connection are handled a few at a time (a position waits for its batch's
    // commit): a device's throughput is not one database round trip per event.
    const work = async () => {
      if (working) return;
      working = true;
      while (queue.length && !closed) {
        if (inFlight.size >= MAX_IN_FLIGHT) {
          await Promise.race(inFlight);
          continue;
        }
        const xml = queue.shift()!;
        if (queue.length < MAX_QUEUED_EVENTS / 2 && socket.isPaused()) socket.resume();
        let event: CotEvent;
        try {
          event = readCotEvent(xml);
        } catch (error) {
          close(error instanceof MalformedCotError ? `malformed CoT: ${error.message}` : 'unreadable CoT');
          break;
        }
        const task: Promise<void> = handle(event).finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      working = false;
    };

    socket.on('data', (chunk: Buffer) => {
      if (closed) return;
      const { events, refusal } = framer.push(chunk);
      if (refusal) return close(refusal === 'entity' ? 'XML DTD or entity declaration refused' : 'event over 64 KB refused');
      queue.push(...events);
      if (queue.length >= MAX_QUEUED_EVENTS) socket.pause();
      void work();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      queue.length = 0;
      this.connections.delete(socket);
      detach?.();
    });
  }
}
