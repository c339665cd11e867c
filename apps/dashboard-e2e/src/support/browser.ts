import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/**
 * Chromium for the browser tests: Debian's package (`apt-get install chromium`), never a browser
 * download. playwright-core only drives it.
 */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Without the background-networking flags Chromium floods a closed network with refused
 * connections. Playwright adds a fresh `--user-data-dir` itself on every `launch()` (a new
 * temporary profile, deleted on close) and refuses one passed in `args`.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = resolve(__dirname, '../../screenshots');

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** `CI` set to anything but an empty string, `0` or `false`. */
export function runningInCi(): boolean {
  const ci = process.env.CI;
  return !!ci && ci !== '0' && ci.toLowerCase() !== 'false';
}

let warned = false;

/**
 * Browser suites: run when Chromium is installed; otherwise skipped with a loud warning on a
 * developer's machine, and failed in CI, where a missing browser must never pass as green.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (existsSync(chromiumPath())) {
    describe(name, suite);
    return;
  }
  const message = `Chromium was not found at ${chromiumPath()} (set CHROMIUM_PATH, or: apt-get install chromium)`;
  if (runningInCi()) {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${message}. CI is set: browser tests may not be skipped.`);
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    const bar = '!'.repeat(100);
    console.warn(`\n${bar}\n!!  BROWSER TESTS SKIPPED: ${message}\n${bar}\n`);
  }
  describe.skip(name, suite);
}

/** A headless Chromium with a fresh profile. Close it with `browser.close()`. */
export async function launchBrowser(options: { args?: string[] } = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new Error(`Chromium was not found at ${executablePath}`);
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...(options.args ?? [])], timeout: 60_000 });
}

/** What a page did that a test should usually refuse: uncaught errors, console errors, requests that left the machine. */
export interface PageProblems {
  errors: string[];
  offMachineRequests: string[];
}

const problemsByContext = new WeakMap<BrowserContext, PageProblems>();
const problemsByPage = new WeakMap<Page, PageProblems>();

/**
 * A browser context (one signed-in user, later) whose pages may only talk to this machine:
 * any request to another host is aborted and recorded, so "works with no internet" is checked
 * on every test, not assumed.
 */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const problems: PageProblems = { errors: [], offMachineRequests: [] };
  problemsByContext.set(context, problems);
  await context.route(
    (url) => !isLocal(url),
    async (route) => {
      problems.offMachineRequests.push(route.request().url());
      await route.abort('internetdisconnected');
    },
  );
  return context;
}

/** A page that records its errors (see `problemsOf`). */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const problems = problemsByContext.get(context) ?? { errors: [], offMachineRequests: [] };
  problemsByPage.set(page, problems);
  page.on('pageerror', (error) => problems.errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  return page;
}

export function problemsOf(page: Page): PageProblems {
  const problems = problemsByPage.get(page);
  if (!problems) throw new Error('problemsOf: the page was not made by newPage()');
  return problems;
}

/** Saves a full-viewport PNG under apps/dashboard-e2e/screenshots/ (gitignored); answers its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path });
  return path;
}

function isLocal(url: URL): boolean {
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return true;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
