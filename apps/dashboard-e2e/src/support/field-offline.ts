import type { Page } from 'playwright-core';

/**
 * Waits until the field page can open with no network: the service worker has precached the shell,
 * controls the page, and answers its navigations. "Controls the page" is not enough: right after the
 * worker claims the page (`clientsClaim`), Chromium sent the next navigation to the network about
 * one time in two here (a reload answered with `fromServiceWorker()` false) — with the network cut,
 * that navigation fails with net::ERR_INTERNET_DISCONNECTED, as it did in CI. The navigation after it
 * came from the worker every time, so the page is reloaded, online, until one does.
 */
export async function fieldOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/field');
    const shell = await caches.match('/index.html', { ignoreSearch: true });
    return registration?.active?.state === 'activated' && navigator.serviceWorker.controller !== null && shell !== undefined;
  });
  let served = false;
  for (let reloads = 0; !served; reloads++) {
    if (reloads === 10) throw new Error('10 reloads of the controlled field page, none answered by its service worker');
    served = (await page.reload())?.fromServiceWorker() ?? false;
  }
  await page.getByTestId('field-page').waitFor();
}
