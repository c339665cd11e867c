import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, spawnApi, type ApiProcess } from '@lintas/testing';

export type { ApiProcess } from '@lintas/testing';

const API_ROOT = resolve(__dirname, '../..');

/**
 * A real API process for specs that need several instances, through the shared launcher — but
 * running `src/main.ts` under `swc-register.cjs`, so it always runs the code under test (no stale build).
 */
export async function startApiProcess(env: Record<string, string>, bootTimeoutMs = 60_000): Promise<ApiProcess> {
  const port = await freePort();
  return spawnApi({
    entry: join(API_ROOT, 'src/main.ts'),
    nodeArgs: [...(process.env.LINTAS_TEST_PRELOAD ? ['-r', process.env.LINTAS_TEST_PRELOAD] : []), '-r', join(__dirname, 'swc-register.cjs')],
    cwd: API_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_DATA: 'false',
      LINTAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'lintas-proc-')),
      ...env,
    },
    healthTimeoutMs: bootTimeoutMs,
  });
}
