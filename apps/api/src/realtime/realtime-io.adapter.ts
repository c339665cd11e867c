import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../config/config';
import { closeRedis, connectRedis, type RedisClient } from '../redis/redis-connection';
import { readStreamsFromAFixedStart } from '../redis/stream-read-start';

/**
 * Socket.IO on the HTTP server; with `REDIS_URL`, the instances share rooms and broadcasts through
 * `@socket.io/redis-streams-adapter` (stream and channels named after `REDIS_PREFIX`), on a client of
 * its own (its blocking stream reads would hold up other commands). Without it, one instance works
 * alone with the in-memory adapter.
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
    await closeRedis(redis);
  }

  private async connectRedis(url: string, prefix: string): Promise<void> {
    const client = await connectRedis(url, this.redisLogger);
    this.redis = client;
    // The adapter reads the stream on a duplicate of this client: no entry may fall between two reads.
    const duplicate = client.duplicate.bind(client);
    (client as unknown as { duplicate: unknown }).duplicate = (...args: Parameters<RedisClient['duplicate']>) => {
      const copy = duplicate(...args);
      readStreamsFromAFixedStart(copy as unknown as RedisClient);
      return copy;
    };
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
