import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { MARKING_RANK, type AfterActionData, type Marking } from '@lintas/contracts';
import { chromium, errors, type Browser, type Route } from 'playwright-core';
import { unavailable } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/** The print page's address inside Chromium: served from the dashboard build by `route`, never from the network. */
const PRINT_ORIGIN = 'http://print.lintas.invalid';
/**
 * How long the print page may take to load and draw. A report of 10,000 items lays out in about
 * 30 s on a busy two-core machine (its annex alone is ~300 pages), so the bound guards a hang only.
 */
const PRINT_DRAW_TIMEOUT_MS = 180_000;
export const PRINT_PATH = '/print/after-action';

/** Chromium's flags for a closed network (see docs/STACK notes): no background traffic, no sandbox in containers. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** TLP colours (FIRST TLP 2.0) for the running header and footer. */
const MARKING_COLOURS: Record<Marking, string> = {
  'TLP:CLEAR': '#ffffff',
  'TLP:GREEN': '#33ff00',
  'TLP:AMBER': '#ffc000',
  'TLP:AMBER+STRICT': '#ffc000',
  'TLP:RED': '#ff2b2b',
};

/**
 * Prints the dashboard's after-action page to PDF in headless Chromium, so that every script the
 * dashboard shows (Khmer, Thai, Lao, Myanmar, Vietnamese) is shaped by a real text engine with the
 * Noto fonts. The page gets its data handed in (the caller's view, assembled by the API): Chromium
 * never signs in and never reaches the API. One browser is launched on first use and kept.
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('PdfRenderer');
  private browser: Promise<Browser> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async render(data: AfterActionData): Promise<Buffer> {
    const page = await (await this.launch()).newPage();
    try {
      await page.route('**/*', (route) => this.serve(route));
      // Runs in the page, before its scripts: the data is there when the print page starts.
      await page.addInitScript((handed) => {
        (globalThis as unknown as { __LINTAS_AFTER_ACTION__: unknown }).__LINTAS_AFTER_ACTION__ = handed;
      }, data);
      await page.goto(`${PRINT_ORIGIN}${PRINT_PATH}`, { waitUntil: 'load', timeout: PRINT_DRAW_TIMEOUT_MS });
      await page.waitForSelector('[data-print-ready="true"]', { timeout: PRINT_DRAW_TIMEOUT_MS });
      const band = markingBand(data.marking);
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: band,
        footerTemplate: band.replace('</div>', ' · <span class="pageNumber"></span> / <span class="totalPages"></span></div>'),
        margin: { top: '18mm', bottom: '18mm', left: '12mm', right: '12mm' },
      });
    } catch (error) {
      // A print page that did not draw in time is the renderer being overloaded, not a fault of the request.
      if (error instanceof errors.TimeoutError) {
        this.logger.warn(`The after-action print page did not draw in time: ${error.message}`);
        throw unavailable('pdf_renderer_unavailable', 'The report could not be drawn in time; try again, or ask for a shorter period');
      }
      throw error;
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async onModuleDestroy(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }

  private launch(): Promise<Browser> {
    const path = this.config.chromiumPath;
    if (!existsSync(path)) {
      return Promise.reject(unavailable('pdf_renderer_unavailable', `Headless Chromium was not found at ${path}: install it (Debian: apt-get install chromium fonts-noto-core) or set CHROMIUM_PATH`));
    }
    if (!existsSync(join(this.config.dashboardDir, 'index.html'))) {
      return Promise.reject(unavailable('pdf_renderer_unavailable', `The dashboard build (the report's print page) was not found in ${this.config.dashboardDir}: build it or set DASHBOARD_DIR`));
    }
    this.browser ??= chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 }).then(
      (browser) => {
        browser.on('disconnected', () => {
          this.browser = null;
        });
        return browser;
      },
      (error: unknown) => {
        this.browser = null;
        this.logger.warn(`Chromium at ${path} did not start: ${error instanceof Error ? error.message : String(error)}`);
        throw unavailable('pdf_renderer_unavailable', `Headless Chromium at ${path} did not start; see the server log`);
      },
    );
    return this.browser;
  }

  /** The dashboard build, as its own server would answer it: a file when there is one, else index.html. */
  private async serve(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.origin !== PRINT_ORIGIN) return route.abort('blockedbyclient');
    const root = normalize(this.config.dashboardDir);
    const wanted = normalize(join(root, decodeURIComponent(url.pathname)));
    const inside = wanted.startsWith(root + sep) && extname(wanted) !== '';
    const file = inside && existsSync(wanted) ? wanted : join(root, 'index.html');
    if (url.pathname.startsWith('/api/')) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: await readFile(file) });
  }
}

/** The running marking of every page (Chromium's header/footer templates take inline styles only). */
function markingBand(marking: Marking): string {
  const strong = MARKING_RANK[marking] >= MARKING_RANK['TLP:AMBER'];
  return (
    `<div style="width:100%;font-size:9px;font-family:'Noto Sans',sans-serif;text-align:center;">` +
    `<span style="background:#000;color:${MARKING_COLOURS[marking]};padding:1px 6px;font-weight:${strong ? 700 : 400};-webkit-print-color-adjust:exact;">${marking}</span></div>`
  );
}
