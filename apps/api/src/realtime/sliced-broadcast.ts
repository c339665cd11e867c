import type { OperationEvent, ServerToClientEvents } from '@lintas/contracts';
import { operationRooms } from './operation-rooms';
import type { OpsNamespace, OpsSocket } from './socket-types';

/** Sockets written per turn of the event loop. */
export const BROADCAST_SLICE = 100;

/**
 * A packet encoded once for all its recipients, as Socket.IO's own broadcast does: the Socket.IO
 * strings, and for WebSocket transports the ready WebSocket frame (header and payload).
 */
interface EncodedPacket {
  strings: unknown[];
  frame: Buffer[] | undefined;
}

/** One packet waiting for one socket. An operation event is checked against the socket's subscription when written. */
interface Pending {
  packet: EncodedPacket;
  /** The operation of an operation event (null: a packet for the rooms, written as it is). */
  operationId: string | null;
  /** The generation of the socket's subscription when the event was addressed. */
  generation: number;
}

interface Outbox {
  socket: OpsSocket;
  pending: Pending[];
}

/** What `Client._packet` and the adapter's encoder need; Socket.IO's adapters write the same way. */
interface PacketWriter {
  _packet(packet: unknown[], options: { preEncoded: true; wsPreEncodedFrame?: Buffer[] }): void;
}
interface PacketEncoder {
  _encode(packet: { type: number; data: unknown[]; nsp: string }, options: { wsPreEncodedFrame?: Buffer[] }): unknown[];
}
/** engine.io's own test of whether a packet's pre-encoded frame is sent as it is. */
interface TransportCheck {
  name: string;
  _canSendPreEncodedFrame?: (packet: { options: { wsPreEncodedFrame: Buffer[] } }) => boolean;
}
/** socket.io-parser's EVENT packet type. */
const EVENT_PACKET = 2;

/**
 * The live fan-out to this instance's sockets: committed operation events and position messages,
 * each encoded once, then written to each socket's outbox and sent `BROADCAST_SLICE` sockets per
 * turn of the event loop.
 *
 * - **Slices.** A fan-out to a thousand sockets does not hold the loop for the whole broadcast:
 *   database replies (the next writer's COMMIT) and acknowledgements are handled between slices —
 *   on a CPU shared with other work, that is what kept writes queued behind broadcasts.
 * - **One write per socket and turn.** A socket's outbox holds everything addressed to it and not
 *   yet written, in order; when its turn comes, all of it goes out in one write to the network (the
 *   WebSocket frames side by side: one system call instead of one per packet). When the machine is
 *   busy and fan-outs queue up, each socket costs one write per turn however many packets wait:
 *   the work per delivered event falls as the backlog grows, instead of the backlog growing.
 *
 * Order and exactly-once per socket hold: the audience of an event is fixed when it is addressed
 * (the moment the dispatcher emits it, so a socket catching up then gets it from its catch-up
 * instead), a socket's outbox is written first in, first out, and an operation event is skipped
 * for a socket whose subscription changed since (a resubscribe, which catches up again, or a
 * revocation) or that left the operation. Small audiences with nothing queued go out at once.
 */
export class SlicedBroadcast {
  /** Socket id → what waits for it; a Map keeps the order in which sockets got their first waiting packet. */
  private readonly outboxes = new Map<string, Outbox>();
  private draining: NodeJS.Immediate | null = null;

  constructor(private readonly sliceSize = BROADCAST_SLICE) {}

  /** Addresses `event` to the subscribed sockets in any of `rooms` and none of `except`, now. */
  send(namespace: OpsNamespace, rooms: readonly string[], except: readonly string[], event: OperationEvent): void {
    const excluded = socketIds(namespace, except);
    const targets: OpsSocket[] = [];
    const generations: number[] = [];
    for (const id of socketIds(namespace, rooms)) {
      if (excluded.has(id)) continue;
      const socket = namespace.sockets.get(id);
      const generation = socket?.data.subscriptions?.[event.operationId];
      if (socket && generation !== undefined) {
        targets.push(socket);
        generations.push(generation);
      }
    }
    if (targets.length === 0) return;
    const packet = encode(namespace, 'operation:event', event);
    this.enqueue(targets, (index) => ({ packet, operationId: event.operationId, generation: generations[index] }));
  }

  /** Addresses a message to every socket of this instance in any of `rooms`, now (no subscription check: positions). */
  sendToRooms<E extends keyof ServerToClientEvents>(namespace: OpsNamespace, rooms: readonly string[], name: E, payload: Parameters<ServerToClientEvents[E]>[0]): void {
    const targets: OpsSocket[] = [];
    for (const id of socketIds(namespace, rooms)) {
      const socket = namespace.sockets.get(id);
      if (socket) targets.push(socket);
    }
    if (targets.length === 0) return;
    const pending: Pending = { packet: encode(namespace, name, payload), operationId: null, generation: 0 };
    this.enqueue(targets, () => pending);
  }

  /** Drops what is queued (shutting down). */
  clear(): void {
    if (this.draining) clearImmediate(this.draining);
    this.draining = null;
    this.outboxes.clear();
  }

  private enqueue(targets: OpsSocket[], pendingFor: (index: number) => Pending): void {
    const atOnce = this.outboxes.size === 0 && targets.length <= this.sliceSize;
    targets.forEach((socket, index) => {
      const outbox = this.outboxes.get(socket.id);
      if (outbox) outbox.pending.push(pendingFor(index));
      else this.outboxes.set(socket.id, { socket, pending: [pendingFor(index)] });
    });
    if (atOnce) this.writeSlice();
    else this.draining ??= setImmediate(() => this.drain());
  }

  private drain(): void {
    this.draining = null;
    this.writeSlice();
    if (this.outboxes.size > 0) this.draining = setImmediate(() => this.drain());
  }

  /** Writes the outboxes of the next `sliceSize` sockets, oldest first. */
  private writeSlice(): void {
    let left = this.sliceSize;
    for (const [id, outbox] of this.outboxes) {
      if (left-- <= 0) break;
      this.outboxes.delete(id);
      write(outbox);
    }
  }
}

function write({ socket, pending }: Outbox): void {
  if (!socket.connected) return;
  const due = pending.filter(
    ({ operationId, generation }) => operationId === null || (socket.data.subscriptions[operationId] === generation && socket.rooms.has(operationRooms.all(operationId))),
  );
  if (due.length === 0) return;
  const client = socket.client as unknown as PacketWriter;
  const frames = due.map(({ packet }) => packet.frame);
  if (due.length > 1 && frames.every((frame) => frame !== undefined)) {
    // The frames side by side are what the socket would send one after the other: one write. Only
    // where the transport sends pre-encoded frames as they are (a WebSocket without compression);
    // elsewhere each packet goes on its own.
    const merged = { preEncoded: true as const, wsPreEncodedFrame: [Buffer.concat(frames.flat() as Buffer[])] };
    const transport = socket.conn.transport as unknown as TransportCheck;
    if (transport.name === 'websocket' && transport._canSendPreEncodedFrame?.({ options: merged }) === true) {
      client._packet(due[0].packet.strings, merged);
      return;
    }
  }
  for (const { packet } of due) client._packet(packet.strings, packet.frame ? { preEncoded: true, wsPreEncodedFrame: packet.frame } : { preEncoded: true });
}

/** Encodes a message once, as the adapter's broadcast does (the strings, and the WebSocket frame when it can). */
function encode(namespace: OpsNamespace, name: string, payload: unknown): EncodedPacket {
  const options: { wsPreEncodedFrame?: Buffer[] } = {};
  const strings = (namespace.adapter as unknown as PacketEncoder)._encode({ type: EVENT_PACKET, data: [name, payload], nsp: namespace.name }, options);
  return { strings, frame: options.wsPreEncodedFrame };
}

function socketIds(namespace: OpsNamespace, rooms: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const room of rooms) namespace.adapter.rooms.get(room)?.forEach((id) => ids.add(id));
  return ids;
}
