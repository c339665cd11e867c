import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config';

type RedisClient = ReturnType<typeof createClient>;

/** How long the first connection to Redis may take before start-up gives up. */
const REDIS_CONNECT_TIMEOUT_MS = 5000;

/**
 * Socket.IO on the HTTP server; with `REDIS_URL`, the instances share rooms and broadcasts through
 * `@socket.io/redis-streams-adapter` (stream and channels named after `REDIS_PREFIX`). Without it,
 * one instance works alone with the in-memory adapter.
 *
 * A Redis that does not answer at start-up stops the start with a message naming it. Later
 * connection errors are logged, never thrown (an unhandled 'error' event would end the process),
 * and the client reconnects by itself.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly redisLogger = new Logger('RealtimeIoAdapter');
  private redis: RedisClient | null = null;
  private adapterFactory: ReturnType<typeof createAdapter> | null = null;

  static async create(app: INestApplicationContext, config: AppConfig): Promise<RealtimeIoAdapter> {
    const adapter = new RealtimeIoAdapter(app);
    if (config.redisUrl) await adapter.connectRedis(config.redisUrl, config.redisPrefix);
    return adapter;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    return server;
  }

  override async dispose(): Promise<void> {
    const redis = this.redis;
    this.redis = null;
    if (redis?.isOpen) await redis.close().catch(() => redis.destroy());
  }

  private async connectRedis(url: string, prefix: string): Promise<void> {
    const client: RedisClient = createClient({ url, socket: { connectTimeout: REDIS_CONNECT_TIMEOUT_MS } });
    let lastError = '';
    client.on('error', (error: Error) => {
      if (error.message !== lastError) this.redisLogger.error(`Redis: ${error.message}`);
      lastError = error.message;
    });
    client.on('ready', () => {
      if (lastError) this.redisLogger.log('Redis: connected again');
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
    this.redis = client;
    this.adapterFactory = createAdapter(client, {
      streamName: `${prefix}:socket.io`,
      channelPrefix: `${prefix}:socket.io`,
      sessionKeyPrefix: `${prefix}:socket.io:session:`,
      // Short blocking reads let a closing instance stop its reader quickly; delivery is not slower.
      blockTimeInMs: 1000,
      onlyPlaintext: true,
    });
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
