import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/config';
import { RealtimeIoAdapter } from './realtime-io.adapter';

describe('RealtimeIoAdapter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('starts without Redis when REDIS_URL does not answer, saying so (password hidden), and keeps trying in the background', async () => {
    const warnings: string[] = [];
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const config = { redisUrl: 'redis://:secret@127.0.0.1:1', redisPrefix: 'lintas-unit' } as AppConfig;
    const adapter = await RealtimeIoAdapter.create(null as never, config);
    expect(warnings).toContain('Redis at redis://:***@127.0.0.1:1 does not answer; starting without it (degraded) and retrying in the background');
    expect(warnings.join('\n')).not.toContain('secret');
    await expect(adapter.dispose()).resolves.toBeUndefined();
  }, 15_000);

  it('needs no Redis without REDIS_URL', async () => {
    const adapter = await RealtimeIoAdapter.create(null as never, { redisUrl: null, redisPrefix: 'lintas' } as AppConfig);
    await expect(adapter.dispose()).resolves.toBeUndefined();
  });
});
