import type { RedisClient } from './redis-connection';

type XRead = (streams: { key: string; id: string } | { key: string; id: string }[], options?: { BLOCK?: number; COUNT?: number }) => Promise<unknown>;

/**
 * `@socket.io/redis-streams-adapter` (0.3.1) reads the cluster's stream in a loop of blocking
 * `XREAD … <offset>`, and its offset is `$` until the first entry reaches the instance. `$` means
 * "entries added after this command arrives", so an entry added between one read timing out (every
 * `blockTimeInMs`, nothing having come) and the next read being sent is never read by that instance.
 * On a fresh stream that is every broadcast until the first one gets through — the first
 * `team:positions` of an idle cluster was lost now and then, and more often on a busy machine, where
 * the reader's event loop takes longer to send the next read (cluster.spec: "the position on B").
 *
 * On the reader client given, a read from `$` reads from a fixed id instead: the stream's newest
 * entry when the reader first asked (or `0-0` for a stream still empty), looked up on the same
 * connection just before that first read. Until an entry arrives the adapter keeps asking for `$`
 * and gets everything after that id; once one arrives it passes entry ids itself. The start point
 * is the same as before (what is added after the instance started reading), without the gaps.
 */
export function readStreamsFromAFixedStart(reader: RedisClient): void {
  const client = reader as unknown as { xRead: XRead; xRevRange: (key: string, end: string, start: string, options: { COUNT: number }) => Promise<{ id: string }[]> };
  const xRead = client.xRead.bind(reader) as XRead;
  const starts = new Map<string, Promise<string>>();
  const startOf = (key: string): Promise<string> => {
    let start = starts.get(key);
    if (!start) {
      start = client.xRevRange(key, '+', '-', { COUNT: 1 }).then(([newest]) => newest?.id ?? '0-0');
      // A lookup that failed (Redis down) is tried again by the next read.
      start.catch(() => starts.delete(key));
      starts.set(key, start);
    }
    return start;
  };
  client.xRead = async (streams, options) => {
    const list = Array.isArray(streams) ? streams : [streams];
    const fixed = await Promise.all(list.map(async (stream) => (stream.id === '$' ? { ...stream, id: await startOf(stream.key) } : stream)));
    return xRead(fixed, options);
  };
}
