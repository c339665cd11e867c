import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AfterActionData } from '@lintas/contracts';
import { AppError } from '../../src/common/app-error';
import { PdfRenderer } from '../../src/modules/after-action/pdf-renderer';
import { arrangeOperation } from '../support/arrange-operation';
import { Fixtures, signIn } from '../support/fixtures';
import { http } from '../support/http';
import { startTestApp } from '../support/test-app';

/**
 * The after-action report's dependency, headless Chromium, missing, failing to start, or gone
 * between two reports: the caller gets 503 with a message an administrator can act on (never a
 * 500), and the next report after a crash is printed by a fresh browser.
 */
const READY_PAGE = `<!doctype html><html><body><p>stand-in</p><script>document.body.dataset.printReady = 'true';</script></body></html>`;
const DATA = { marking: 'TLP:GREEN' } as AfterActionData;

function dashboardDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-print-'));
  writeFileSync(join(dir, 'index.html'), READY_PAGE);
  return dir;
}

function renderer(config: { chromiumPath?: string; dashboardDir?: string }): PdfRenderer {
  return new PdfRenderer({ chromiumPath: config.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', dashboardDir: config.dashboardDir ?? dashboardDir() } as never);
}

async function refusal(pending: Promise<unknown>): Promise<AppError> {
  const error = await pending.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('faults: the PDF renderer (headless Chromium)', () => {
  it('answers 503 pdf_renderer_unavailable, naming the path, when the server has no Chromium', async () => {
    const t = await startTestApp({ CHROMIUM_PATH: '/nonexistent/chromium', DASHBOARD_DIR: dashboardDir() });
    try {
      const db = await Fixtures.open(t.database.url);
      const agency = (await db.agency({ code: 'PF-LEAD' })).id;
      const user = await db.user({ agencyId: agency, role: 'commander' });
      const operationId = (await arrangeOperation(db, { leadAgencyId: agency })).id;
      await db.close();
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/after-action-report`, { token: (await signIn(t.baseUrl, user.email)).accessToken });
      expect(answer.status).toBe(503);
      expect(answer.body.code).toBe('pdf_renderer_unavailable');
      expect(answer.body.message).toContain('/nonexistent/chromium');
    } finally {
      await t.close();
    }
  });

  it.each([
    ['Chromium fails to start', { chromiumPath: '/bin/false' }, /did not start/],
    ['there is no print page (no dashboard build)', { dashboardDir: '/nonexistent/dashboard' }, /dashboard build/],
  ])('refuses with 503 when %s', async (_name, config, message) => {
    const error = await refusal(renderer(config).render(DATA));
    expect({ status: error.status, code: error.code }).toEqual({ status: 503, code: 'pdf_renderer_unavailable' });
    expect(error.message).toMatch(message);
  });

  it('prints the next report with a fresh browser after the one it had went away', async () => {
    const printer = renderer({});
    try {
      expect((await printer.render(DATA)).subarray(0, 5).toString()).toBe('%PDF-');
      const browser = await (printer as unknown as { browser: Promise<{ close(): Promise<void> }> }).browser;
      await browser.close(); // as a crash does: the browser disconnects
      expect((await printer.render(DATA)).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await printer.onModuleDestroy();
    }
  });
});
