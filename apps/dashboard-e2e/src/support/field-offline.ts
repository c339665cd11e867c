import type { Page } from 'playwright-core';

/**
 * Waits until the field page can open with no network: the service worker has precached the shell,
 * controls the page, and answers its navigations. "Controls the page" is not enough: right after the
 * worker claims the page (`clientsClaim`), Chromium sent the next navigation to the network about
 * one time in two here (a reload answered with `fromServiceWorker()` false) — with the network cut,
 * that navigation fails with net::ERR_INTERNET_DISCONNECTED, as it did in CI. The navigation after it
 * came from the worker every time, so the page is reloaded, online, until one does.
 */
/** How long the page is reloaded for, waiting for a navigation its service worker answers. */
const SERVED_WITHIN_MS = 90_000;

export async function fieldOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/field');
    const shell = await caches.match('/index.html', { ignoreSearch: true });
    return registration?.active?.state === 'activated' && navigator.serviceWorker.controller !== null && shell !== undefined;
  });
  // Until a deadline, not a count: on a loaded machine the worker answered only the 10th reload.
  const deadline = Date.now() + SERVED_WITHIN_MS;
  let reloads = 0;
  while (!((await page.reload())?.fromServiceWorker() ?? false)) {
    reloads++;
    if (Date.now() > deadline) throw new Error(`${reloads} reloads of the controlled field page in ${SERVED_WITHIN_MS / 1000} s, none answered by its service worker`);
    await page.waitForTimeout(250);
  }
  await page.getByTestId('field-page').waitFor();
}
