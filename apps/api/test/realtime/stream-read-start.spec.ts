import { createClient } from 'redis';
import type { RedisClient } from '../../src/redis/redis-connection';
import { readStreamsFromAFixedStart } from '../../src/redis/stream-read-start';
import { dropRedisKeys, TEST_REDIS_URL, testRedisPrefix } from '../support/test-redis';

/**
 * The Redis Streams adapter reads with `XREAD BLOCK … $` until its first entry arrives; an entry
 * added between two such reads was never read (cluster.spec's lost "position on B"). The reader
 * given `readStreamsFromAFixedStart` reads it.
 */
describe('reading the adapter stream from a fixed start', () => {
  const prefix = testRedisPrefix('stream-start');
  const clients: RedisClient[] = [];
  const connect = async () => {
    const client = createClient({ url: TEST_REDIS_URL }) as unknown as RedisClient;
    client.on('error', () => undefined);
    await client.connect();
    clients.push(client);
    return client;
  };
  const read = (reader: RedisClient, key: string) => reader.xRead([{ key, id: '$' }], { BLOCK: 50, COUNT: 100 });

  afterAll(async () => {
    for (const client of clients) await client.close();
    await dropRedisKeys(prefix);
  });

  it('an entry added between two reads from $ is read by the second (a plain reader misses it)', async () => {
    const writer = await connect();
    const plain = await connect();
    const fixed = await connect();
    readStreamsFromAFixedStart(fixed);
    for (const [name, key] of [['empty stream', `${prefix}:empty`], ['stream with older entries', `${prefix}:older`]] as const) {
      if (name === 'stream with older entries') await writer.xAdd(key, '*', { n: 'old' });
      // Both readers' first read times out: nothing was added meanwhile.
      expect(await read(plain, key)).toBeNull();
      expect(await read(fixed, key)).toBeNull();
      await writer.xAdd(key, '*', { n: 'between the reads' });
      expect(await read(plain, key)).toBeNull();
      const answer = (await read(fixed, key)) as { messages: { message: Record<string, string> }[] }[];
      expect(answer[0].messages.map((entry) => entry.message.n)).toEqual(['between the reads']);
    }
  });
});
