import { API_MAIN, isHealthy, spawnApi, type ApiProcess } from '@lintas/testing';
import { existsSync } from 'node:fs';

/**
 * The built API started exactly as `npm start` starts it (`node apps/api/dist/main.js`, the
 * environment as given, output to this terminal), for the demo. Answers once /api/health is up.
 */
export async function startApiLikeNpmStart(url: string, env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<ApiProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`The API is not built (${API_MAIN} is missing): run npx nx run api:build`);
  // A process group of its own: Ctrl-C reaches the demo only, which lets its posts in flight finish
  // and then stops Lintas (and Lintas its embedded PostgreSQL) in that order. Should the demo exit
  // any other way, Lintas is stopped with it (the launcher's exit guard).
  return spawnApi({ env, baseUrl: url, output: 'inherit', detached: true, healthTimeoutMs: timeoutMs });
}

export const healthy = isHealthy;
