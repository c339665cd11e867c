import type { OperationEvent } from '@lintas/contracts';
import { operationRooms } from './operation-rooms';
import type { OpsNamespace, OpsSocket } from './socket-types';

/** Sockets written per turn of the event loop. */
export const BROADCAST_SLICE = 100;

interface Slice {
  namespace: OpsNamespace;
  event: OperationEvent;
  /** The sockets, each with the generation of its subscription when the event was addressed. */
  targets: { socket: OpsSocket; generation: number }[];
}

/**
 * The live stream's broadcast to this instance's sockets, in slices of `BROADCAST_SLICE` sockets
 * with a turn of the event loop between them: a commit's fan-out to a thousand sockets no longer
 * holds the loop for the whole broadcast, so database replies (the next writer holding the
 * operation's seq lock, its COMMIT) and acknowledgements are handled in between — on a CPU shared
 * with other work, that is what kept writes queued behind broadcasts.
 *
 * Order and exactly-once per socket hold: the audience is fixed when the event is addressed (the
 * moment the dispatcher emits it, so a socket catching up then gets it from its catch-up instead),
 * slices go out strictly first in, first out, and a socket whose subscription changed since (a
 * resubscribe, which catches up again, or a revocation) or that left the operation is skipped.
 * Small audiences with nothing queued go out at once, as before.
 */
export class SlicedBroadcast {
  private readonly queue: Slice[] = [];
  private draining: NodeJS.Immediate | null = null;

  constructor(private readonly sliceSize = BROADCAST_SLICE) {}

  /** Addresses `event` to the sockets in any of `rooms` and none of `except`, now; writes them in slices. */
  send(namespace: OpsNamespace, rooms: readonly string[], except: readonly string[], event: OperationEvent): void {
    const excluded = socketIds(namespace, except);
    const targets: Slice['targets'] = [];
    for (const id of socketIds(namespace, rooms)) {
      if (excluded.has(id)) continue;
      const socket = namespace.sockets.get(id);
      const generation = socket?.data.subscriptions?.[event.operationId];
      if (socket && generation !== undefined) targets.push({ socket, generation });
    }
    if (targets.length === 0) return;
    if (targets.length <= this.sliceSize && this.queue.length === 0) {
      this.write({ namespace, event, targets });
      return;
    }
    for (let at = 0; at < targets.length; at += this.sliceSize) this.queue.push({ namespace, event, targets: targets.slice(at, at + this.sliceSize) });
    this.draining ??= setImmediate(() => this.drain());
  }

  /** Drops what is queued (shutting down). */
  clear(): void {
    if (this.draining) clearImmediate(this.draining);
    this.draining = null;
    this.queue.length = 0;
  }

  private drain(): void {
    this.draining = null;
    const slice = this.queue.shift();
    if (slice) this.write(slice);
    if (this.queue.length > 0) this.draining = setImmediate(() => this.drain());
  }

  private write({ namespace, event, targets }: Slice): void {
    const all = operationRooms.all(event.operationId);
    const ids = targets
      .filter(({ socket, generation }) => socket.connected && socket.data.subscriptions[event.operationId] === generation && socket.rooms.has(all))
      .map(({ socket }) => socket.id);
    // Each socket sits in a room named by its id: one broadcast encodes the packet once for the slice.
    if (ids.length > 0) namespace.local.to(ids).emit('operation:event', event);
  }
}

function socketIds(namespace: OpsNamespace, rooms: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const room of rooms) namespace.adapter.rooms.get(room)?.forEach((id) => ids.add(id));
  return ids;
}
