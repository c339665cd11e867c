import type { Logger } from '@nestjs/common';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/** How long start-up waits for Redis before it goes on without it (degraded) and keeps trying. */
const REDIS_CONNECT_WAIT_MS = 5000;
/** Reconnection back-off: grows by this much a try, up to the cap, so an outage costs little. */
const RECONNECT_STEP_MS = 200;
const RECONNECT_CAP_MS = 3000;

/**
 * A Redis client that never takes the process down and never holds it up:
 *
 * - Start-up waits a few seconds for the first connection, then goes on without Redis (health says
 *   degraded) while the client keeps reconnecting in the background: an instance restarted during
 *   a Redis outage starts, and joins the cluster when Redis is back.
 * - Commands fail at once while the link is down (`disableOfflineQueue`) instead of queueing without
 *   bound; every caller has a fallback (in-memory counters, the database tail check for events).
 * - Connection errors are logged once each, never thrown (an unhandled 'error' event would end the
 *   process).
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisClient> {
  const client: RedisClient = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: REDIS_CONNECT_WAIT_MS,
      reconnectStrategy: (retries) => Math.min((retries + 1) * RECONNECT_STEP_MS, RECONNECT_CAP_MS),
    },
  });
  // Each distinct error once per outage: a reconnect loop alternates a few messages every second.
  const seen = new Set<string>();
  client.on('error', (error: Error) => {
    if (!seen.has(error.message)) logger.error(`Redis: ${error.message}`);
    seen.add(error.message);
  });
  client.on('ready', () => {
    if (seen.size) logger.log('Redis: connected again');
    seen.clear();
  });
  guardFireAndForget(client, logger);
  // connect() settles on the first connection; until then the client retries by itself.
  const connected = client.connect().then(
    () => true,
    (error: unknown) => {
      logger.error(`Redis at ${redactUrl(url)} refused the connection: ${error instanceof Error ? error.message : String(error)}; check REDIS_URL`);
      return false;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<false>((done) => (timer = setTimeout(() => done(false), REDIS_CONNECT_WAIT_MS)));
  const ready = await Promise.race([connected, waited]);
  clearTimeout(timer);
  if (!ready) logger.warn(`Redis at ${redactUrl(url)} does not answer; starting without it (degraded) and retrying in the background`);
  return client;
}

/**
 * `@socket.io/redis-streams-adapter` sends its PUB/SUB messages (`serverSideEmit`, heartbeats)
 * with a bare `publish()` whose promise nobody awaits: when Redis is cut, each rejects unhandled.
 * The adapter ignores the result, so a handler is attached here (the rejection is logged, the
 * promise returned unchanged), on this client and on every duplicate the adapter makes of it.
 * Duplicates keep the offline queue: the adapter's blocking stream reads would otherwise retry in
 * a tight loop while the link is down.
 */
/** The duplicates made of a client (the adapter's stream readers and subscriber), closed with it. */
const duplicatesOf = new WeakMap<RedisClient, RedisClient[]>();

function guardFireAndForget(client: RedisClient, logger: Logger): void {
  let lastFailure = '';
  for (const name of ['publish', 'sPublish'] as const) {
    const original = client[name].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const sent = original(...args);
      sent.catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== lastFailure) logger.warn(`Redis ${name} failed (relayed later from the database): ${message}`);
        lastFailure = message;
      });
      return sent;
    };
  }
  const duplicate = client.duplicate.bind(client);
  (client as unknown as { duplicate: unknown }).duplicate = (overrides?: Parameters<RedisClient['duplicate']>[0]) => {
    const copy = duplicate({ ...overrides, disableOfflineQueue: false });
    copy.on('error', () => undefined);
    // The adapter awaits the duplicate's connect() with no handler: closed before it connected, it
    // must not reject (an unhandled rejection); it just never settles, and the adapter never starts.
    const connect = copy.connect.bind(copy);
    (copy as unknown as { connect: unknown }).connect = () => connect().catch(() => new Promise<never>(() => undefined));
    duplicatesOf.set(client, [...(duplicatesOf.get(client) ?? []), copy as unknown as RedisClient]);
    return copy;
  };
}

export async function closeRedis(client: RedisClient | null): Promise<void> {
  if (!client) return;
  // A duplicate still waiting for its first connection would otherwise reconnect forever and keep the process alive.
  for (const copy of duplicatesOf.get(client) ?? []) await closeOne(copy);
  await closeOne(client);
}

async function closeOne(client: RedisClient): Promise<void> {
  if (!client.isOpen) return;
  try {
    // A client still reconnecting has nothing to flush: close() would wait for a link that is down.
    if (client.isReady) await client.close();
    else client.destroy();
  } catch {
    try {
      client.destroy();
    } catch {
      /* already closed */
    }
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}
