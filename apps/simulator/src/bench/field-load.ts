import { randomUUID } from 'node:crypto';
import { SocketEvents, type Ack, type CreateReport, type PositionInput } from '@lintas/contracts';
import { delay } from '../client/lintas-api';
import { connectOpsSocket, waitForConnect, type OpsSocket } from '../client/ops-socket';
import { newLatencies, summarize, type LatencySummary } from './latency';

/** A field device for the load: its token and the team it posts for. */
export interface FieldClient {
  token: string;
  teamId: string;
  /** The instance this device posts through, when it is not the load's default URL (several instances). */
  url?: string;
}

export interface FieldLoadOptions {
  url: string;
  operationId: string;
  /** Events per second, all clients together. */
  rate: number;
  durationMs: number;
  /** Share of the events that are reports; the rest are positions. */
  reportShare: number;
}

export interface FieldLoadResult {
  positions: number;
  reports: number;
  acked: number;
  /** Reports acknowledged as stored: each should reach every subscribed socket. */
  reportsAcked: number;
  refused: number;
  /** Refusals and lost acknowledgements by message, e.g. `429 Too many position updates…`. */
  errors: Record<string, number>;
  /** Real seconds the sending took. */
  seconds: number;
  /** Post to acknowledgement ("stored"), for reports: the write path alone, without the fan-out. */
  reportAck: LatencySummary;
}

const ACK_TIMEOUT_MS = 15_000;

/**
 * Field clients posting over the live socket at a fixed total rate, as a mix of positions
 * (`team:position`) and reports (`report:create`), round robin over the clients. Each post carries
 * the time it was sent — a position's `at`, a report's `occurredAt` — from which the receiving
 * dashboards measure the latency. Bounded by `durationMs`; waits for the last acknowledgements.
 */
export class FieldLoad {
  private constructor(private readonly clients: { client: FieldClient; socket: OpsSocket; lastAt: number }[]) {}

  static async connect(url: string, clients: FieldClient[]): Promise<FieldLoad> {
    const connected = [];
    for (const client of clients) {
      const socket = connectOpsSocket(client.url ?? url, client.token, { reconnection: true });
      await waitForConnect(socket);
      connected.push({ client, socket, lastAt: 0 });
    }
    return new FieldLoad(connected);
  }

  get size(): number {
    return this.clients.length;
  }

  async run(options: FieldLoadOptions): Promise<FieldLoadResult> {
    const result: FieldLoadResult = { positions: 0, reports: 0, acked: 0, reportsAcked: 0, refused: 0, errors: {}, seconds: 0, reportAck: summarize(newLatencies()) };
    const reportAcks = newLatencies();
    const total = Math.floor((options.rate * options.durationMs) / 1000);
    const interval = 1000 / options.rate;
    const acks: Promise<void>[] = [];
    const start = performance.now();
    // Reports spread evenly through the mix: event i is a report when the running share crosses a whole number.
    for (let i = 0; i < total; i++) {
      const wait = start + i * interval - performance.now();
      if (wait >= 1) await delay(wait);
      const sender = this.clients[i % this.clients.length];
      const isReport = Math.floor((i + 1) * options.reportShare) > Math.floor(i * options.reportShare);
      acks.push(isReport ? this.postReport(sender, options.operationId, i, result, reportAcks) : this.postPosition(sender, options.operationId, result));
    }
    result.seconds = (performance.now() - start) / 1000;
    await Promise.all(acks);
    result.reportAck = summarize(reportAcks);
    return result;
  }

  close(): void {
    for (const { socket } of this.clients) socket.disconnect();
  }

  private async postPosition(sender: { client: FieldClient; socket: OpsSocket; lastAt: number }, operationId: string, result: FieldLoadResult): Promise<void> {
    // One position per team per millisecond: the API stores a repeated (team, at) once.
    const at = Math.max(Date.now(), sender.lastAt + 1);
    sender.lastAt = at;
    const position: PositionInput = {
      lat: 6.53 + Math.random() * 0.02,
      lon: 100.42 + Math.random() * 0.02,
      heading: Math.floor(Math.random() * 360),
      speed: 1.4,
      accuracy: 8,
      at: new Date(at).toISOString(),
    };
    result.positions++;
    await this.ack(sender.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(SocketEvents.postPosition, { operationId, teamId: sender.client.teamId, position }), result);
  }

  private async postReport(
    sender: { client: FieldClient; socket: OpsSocket },
    operationId: string,
    index: number,
    result: FieldLoadResult,
    acks: ReturnType<typeof newLatencies>,
  ): Promise<void> {
    const posted = Date.now();
    const report: CreateReport = {
      clientId: randomUUID(),
      kind: 'sitrep',
      title: `Bench sitrep ${index}`,
      narrative: 'Load test: a short situation report from the field, about the size of a real one.',
      lat: 6.53,
      lon: 100.42,
      siteId: null,
      occurredAt: new Date().toISOString(),
      teamId: sender.client.teamId,
      marking: 'TLP:GREEN',
      recipientAgencyIds: [],
      interception: null,
    };
    result.reports++;
    if (await this.ack(sender.socket.timeout(ACK_TIMEOUT_MS).emitWithAck(SocketEvents.createReport, { operationId, report }), result)) {
      result.reportsAcked++;
      acks.recordValue(Date.now() - posted);
    }
  }

  /** Counts the acknowledgement; true when the post was stored. */
  private async ack(answer: Promise<unknown>, result: FieldLoadResult): Promise<boolean> {
    try {
      const ack = (await answer) as Ack;
      if (ack.ok) {
        result.acked++;
        return true;
      }
      result.refused++;
      const key = `${ack.error.status} ${ack.error.message}`;
      result.errors[key] = (result.errors[key] ?? 0) + 1;
    } catch (error) {
      result.refused++;
      const key = `no acknowledgement: ${(error as Error).message}`;
      result.errors[key] = (result.errors[key] ?? 0) + 1;
    }
    return false;
  }
}
