import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

/** The Redis the tests use (this machine runs one on the default port). */
export const TEST_REDIS_URL = process.env.LINTAS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A REDIS_PREFIX of a test's own, so that parallel runs never share a stream, channel or counter. */
export function testRedisPrefix(name: string): string {
  return `lintas-test-${name}-${randomBytes(4).toString('hex')}`;
}

/** Deletes what a test left under its prefix. */
export async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = createClient({ url: TEST_REDIS_URL });
  redis.on('error', () => undefined);
  await redis.connect();
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(keys);
  } finally {
    await redis.close();
  }
}
