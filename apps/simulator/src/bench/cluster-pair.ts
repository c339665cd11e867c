import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { startLintasServer, type LintasServer } from '../harness/lintas-server';
import { requireLocalUrl } from '../harness/local-url';

export interface ClusterPair {
  instances: LintasServer[];
  prefix: string;
  stop(): Promise<void>;
}

/**
 * `count` more API processes on the database of a running one, joined through the Redis Streams
 * adapter under a prefix of their own (so that they meet no other cluster on the same Redis), with
 * the same JWT secret: a token signed in anywhere works on every instance. Started one after the
 * other, so that only one at a time checks the migrations; the Redis stream is deleted on stop.
 */
export async function startClusterInstances(
  count: number,
  options: { databaseUrl: string; redisUrl: string; env: Record<string, string>; nodeArgs: string[] },
): Promise<ClusterPair> {
  requireLocalUrl(options.redisUrl.replace(/^rediss?:/, 'http:'), 'REDIS_URL');
  await checkRedis(options.redisUrl);
  const prefix = `bench-${randomBytes(6).toString('hex')}`;
  const instances: LintasServer[] = [];
  const stop = async () => {
    await Promise.all(instances.splice(0).map((instance) => instance.stop()));
    await deleteStream(options.redisUrl, prefix).catch(() => undefined);
  };
  try {
    for (let i = 0; i < count; i++) {
      instances.push(
        await startLintasServer({
          production: true,
          demoData: false,
          databaseUrl: options.databaseUrl,
          env: { ...options.env, DEMO_DATA: 'false', REDIS_URL: options.redisUrl, REDIS_PREFIX: prefix },
          nodeArgs: options.nodeArgs,
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { instances: [...instances], prefix, stop };
}

async function checkRedis(url: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(`--instances needs Redis at ${url} (--redis-url or REDIS_URL): ${(error as Error).message}`);
  } finally {
    if (client.isReady) await client.close();
  }
}

async function deleteStream(url: string, prefix: string): Promise<void> {
  const client = createClient({ url, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.del(`${prefix}:socket.io`);
  } finally {
    await client.close();
  }
}
