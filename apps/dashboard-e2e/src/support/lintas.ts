import { startLintasApi, type RunningLintas } from '@lintas/testing';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

export { API_MAIN, DASHBOARD_DIST, WORKSPACE_ROOT, type RunningLintas } from '@lintas/testing';

export interface StartOptions {
  /** Extra or overriding environment for the API, e.g. `{ TILE_URL: … }`. */
  env?: Record<string, string>;
  /** Milliseconds to wait for `/api/health`. */
  startTimeoutMs?: number;
  /** Node flags for the API process, e.g. `['--cpu-prof', '--cpu-prof-dir', dir]`. */
  nodeArgs?: string[];
}

/**
 * The built API in production mode serving the built dashboard, with demo data, on a free port and
 * its own fresh database — the shared launcher of `@lintas/testing`, the same as the simulator's.
 * It builds nothing: Nx builds `api` and `dashboard` before the `e2e` target.
 * `LINTAS_E2E_VERBOSE=1` echoes the API's output; `LINTAS_E2E_LOG_LEVEL` sets its log level.
 */
export function startLintas(options: StartOptions = {}): Promise<RunningLintas> {
  return startLintasApi({
    production: true,
    demoData: true,
    dashboard: true,
    echo: !!process.env.LINTAS_E2E_VERBOSE,
    timeoutMs: options.startTimeoutMs,
    nodeArgs: options.nodeArgs,
    env: { LOG_LEVEL: process.env.LINTAS_E2E_LOG_LEVEL ?? 'warn', ...options.env },
  });
}

/**
 * The API and Chromium a browser spec file shares: started before its tests (before the file's own
 * `beforeAll`, which may use them) and stopped after them. Read `suite.lintas` and `suite.browser`
 * inside tests and hooks. `options` may be a function, for settings found at start (a free port).
 */
export function browserSuite(options: StartOptions | (() => StartOptions | Promise<StartOptions>) = {}): { readonly lintas: RunningLintas; readonly browser: Browser } {
  let lintas: RunningLintas | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    lintas = await startLintas(typeof options === 'function' ? await options() : options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await lintas?.stop();
  });
  return {
    get lintas() {
      if (!lintas) throw new Error('the Lintas API of this suite is not started');
      return lintas;
    },
    get browser() {
      if (!browser) throw new Error('the browser of this suite is not started');
      return browser;
    },
  };
}
