import type { Logger } from '@nestjs/common';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

/** How long the first connection to Redis may take before start-up gives up. */
const REDIS_CONNECT_TIMEOUT_MS = 5000;

/**
 * A connected Redis client. A Redis that does not answer at start-up stops the start with a
 * message naming it. Later connection errors are logged once each, never thrown (an unhandled
 * 'error' event would end the process), and the client reconnects by itself.
 */
export async function connectRedis(url: string, logger: Logger): Promise<RedisClient> {
  const client: RedisClient = createClient({ url, socket: { connectTimeout: REDIS_CONNECT_TIMEOUT_MS } });
  let lastError = '';
  client.on('error', (error: Error) => {
    if (error.message !== lastError) logger.error(`Redis: ${error.message}`);
    lastError = error.message;
  });
  client.on('ready', () => {
    if (lastError) logger.log('Redis: connected again');
    lastError = '';
  });
  const timer = setTimeout(() => client.destroy(), REDIS_CONNECT_TIMEOUT_MS);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Redis at ${redactUrl(url)} did not answer (${error instanceof Error ? error.message : String(error)}); check REDIS_URL`);
  } finally {
    clearTimeout(timer);
  }
  return client;
}

export async function closeRedis(client: RedisClient | null): Promise<void> {
  if (client?.isOpen) await client.close().catch(() => client.destroy());
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
