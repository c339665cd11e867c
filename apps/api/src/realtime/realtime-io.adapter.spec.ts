import type { AppConfig } from '../config/config';
import { RealtimeIoAdapter } from './realtime-io.adapter';

describe('RealtimeIoAdapter', () => {
  it('stops the start with a message naming Redis (password hidden) when REDIS_URL does not answer', async () => {
    const config = { redisUrl: 'redis://:secret@127.0.0.1:1', redisPrefix: 'lintas-unit' } as AppConfig;
    await expect(RealtimeIoAdapter.create(null as never, config)).rejects.toThrow(
      /^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 did not answer \(.+\); check REDIS_URL$/,
    );
  }, 15_000);

  it('needs no Redis without REDIS_URL', async () => {
    const adapter = await RealtimeIoAdapter.create(null as never, { redisUrl: null, redisPrefix: 'lintas' } as AppConfig);
    await expect(adapter.dispose()).resolves.toBeUndefined();
  });
});
