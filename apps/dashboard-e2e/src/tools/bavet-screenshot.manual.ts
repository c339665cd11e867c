import { BAVET } from '@lintas/testing';
import { browserSuite, describeInBrowser, frameOperationAt, newContext, newPage, restSignIn, saveScreenshot } from '../support';

/**
 * Not part of `npm test`: takes the screenshot of Bavet / Moc Bai at zoom 14 that an issue's
 * closing note compares, from any build of the dashboard (e.g. main's, for the "before"):
 *
 *   LINTAS_SHOT_DASHBOARD_DIR=/path/to/dashboard/dist LINTAS_SHOT_NAME=bavet-z14-before \
 *     npx jest -c jest.config.cjs --testMatch '<rootDir>/src/tools/bavet-screenshot.manual.ts'
 *
 * `LINTAS_SHOT_AT=10.91,105.16,13` frames another place (latitude, longitude, zoom).
 */
describeInBrowser('screenshot of Bavet at zoom 14', () => {
  const dashboardDir = process.env.LINTAS_SHOT_DASHBOARD_DIR;
  const suite = browserSuite(() => (dashboardDir ? { env: { DASHBOARD_DIR: dashboardDir } } : {}));

  it('frames Bavet at zoom 14 as the Cambodian commander and saves the screenshot', async () => {
    const commander = await restSignIn(suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    const operations = await commander.call<{ id: string; code: string }[]>((api) => api.GET('/api/operations'));
    const mekong = operations.find((operation) => operation.code === 'OP-MEKONG-GATE')!;
    const context = await newContext(suite.browser);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/`);
    await page.getByLabel('E-mail').fill('commander@kh-gdi.demo');
    await page.getByLabel('Password').fill(suite.lintas.demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('operations-list').waitFor();
    await page.goto(`${suite.lintas.baseUrl}/operations/${mekong.id}`);
    await page.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
    const [lat, lon, zoom] = (process.env.LINTAS_SHOT_AT ?? `${BAVET.lat},${BAVET.lon},14`).split(',').map(Number);
    await frameOperationAt(page, suite.lintas.baseUrl, mekong.id, { lat, lon }, zoom);
    await page.locator('[data-testid="map"][data-basemap="ready"]').waitFor();
    await page.waitForTimeout(2500); // tiles and labels settle: this is a picture, not a check
    console.log(await saveScreenshot(page, process.env.LINTAS_SHOT_NAME ?? 'bavet-z14'));
    await context.close();
  });
});
