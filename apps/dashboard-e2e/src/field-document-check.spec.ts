import { td3Specimen } from '@lintas/contracts';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { browserSuite, describeInBrowser, fieldOfflineReady, newContext, newPage, problemsOf, restSignIn, saveScreenshot, signInContext, type RestSession } from './support';

/** A phone in portrait. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, permissions: ['geolocation'] };

interface OperationView {
  id: string;
  code: string;
}
interface ReportView {
  id: string;
  title: string;
  kind: string;
  status: string;
}

/**
 * The officer at the crossing: a one-tap backup alert, and a document check made offline ("not
 * checked yet", never "clear") that turns into a potential hit once the link returns; the lead
 * commander sees the hit's alert live and records that the issuing country confirmed it.
 */
describeInBrowser('field page: alerts and document checks', () => {
  const suite = browserSuite();
  let commander: RestSession;
  let mekong: OperationView;

  beforeAll(async () => {
    commander = await restSignIn(suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    mekong = (await commander.call<OperationView[]>((api) => api.GET('/api/operations'))).find((operation) => operation.code === 'OP-MEKONG-GATE')!;
  });

  const alerts = async () =>
    (await commander.call<{ items: ReportView[] }>((api) => api.GET('/api/operations/{operationId}/reports', { params: { path: { operationId: mekong.id }, query: { kind: 'alert', limit: 500 } } }))).items;

  async function fieldPhone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(suite.browser, { ...PHONE, geolocation: { latitude: 11.06, longitude: 106.15, accuracy: 10 } });
    await signInContext(context, suite.lintas.baseUrl, 'field@kh-gdi.demo', suite.lintas.demoPassword);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/field`);
    await page.getByTestId('field-team').getByText('KH-BAVET-1').waitFor();
    return { context, page };
  }

  it('one tap on "need backup" sends one alert with the team’s position', async () => {
    const { context, page } = await fieldPhone();
    const before = (await alerts()).filter((alert) => alert.title === 'Backup needed: KH-BAVET-1').length;
    await page.getByTestId('tab-alert').click();
    await page.getByTestId('alert-backup').click();
    await page.getByTestId('alert-saved').waitFor();
    await saveScreenshot(page, 'field-alert-backup');
    await page.locator('[data-testid="sync-status"][data-waiting="0"]').waitFor();
    const after = (await alerts()).filter((alert) => alert.title === 'Backup needed: KH-BAVET-1');
    expect(after.length).toBe(before + 1);

    // The form: a kind, a note with an identity number in it draws a warning.
    await page.getByTestId('alert-kind-vehicle_of_interest').click();
    await page.getByTestId('alert-note').fill('White van, driver showed passport N7654321');
    await page.getByTestId('personal-data-hint').waitFor();
    await page.getByTestId('alert-note').fill('White van, plate covered, heading to the river');
    await page.getByTestId('alert-submit').click();
    await page.getByTestId('alert-saved').getByText('Vehicle or boat of interest').waitFor();
    expect(problemsOf(page).errors).toEqual([]);
    await context.close();
  });

  it('an offline check says "not checked yet"; online it is a potential hit, and the commander sees the alert live and confirms it', async () => {
    const room = await newContext(suite.browser);
    await signInContext(room, suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    const desk = await newPage(room);
    await desk.goto(`${suite.lintas.baseUrl}/operations/${mekong.id}`);
    await desk.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
    await desk.locator('[data-testid="connection"][data-status="live"]').waitFor();

    const { context, page } = await fieldPhone();
    await fieldOfflineReady(page);
    await context.setOffline(true);
    await page.locator('[data-testid="sync-status"][data-link="offline"]').waitFor();

    await page.getByTestId('tab-check').click();
    // A mistyped zone is caught on the phone, naming the line and the field.
    const zone = td3Specimen({ country: 'KHM', number: 'N0000001' }); // on the demo's made-up list: stolen
    const wrong = `${zone[1].slice(0, 9)}${(Number(zone[1][9]) + 1) % 10}${zone[1].slice(10)}`;
    await page.getByTestId('check-mrz').fill(`${zone[0]}\n${wrong}`);
    await page.getByTestId('check-submit').click();
    await page.getByTestId('check-problems').getByText(/^Line 2, document number check digit/).waitFor();
    // Typed in lower case, with a stray space: still read.
    await page.getByTestId('check-mrz').fill(`${zone[0].toLowerCase()}\n${zone[1].slice(0, 20)} ${zone[1].slice(20)}`);
    await page.getByTestId('check-submit').click();
    const result = page.getByTestId('check-result').first();
    await result.locator('[data-testid="check-pending"]').waitFor();
    expect(await result.getAttribute('data-result')).toBe('pending');
    expect(await result.textContent()).toContain('Not checked yet');
    expect(await result.textContent()).not.toMatch(/clear|no hit/i);
    await saveScreenshot(page, 'field-check-offline');

    await context.setOffline(false);
    await page.locator('[data-testid="check-result"][data-result="potential_hit"]').waitFor();
    expect(await page.getByTestId('check-result').first().textContent()).toContain('Listed as stolen by DEMO KH passport office');
    await saveScreenshot(page, 'field-check-potential-hit');

    // The commander's room: the hit's alert arrives live, and the outcome is recorded there.
    const item = desk.locator('.timeline__item', { hasText: 'Document check: potential hit (stolen from its holder)' }).first();
    await item.waitFor();
    await item.click();
    const panel = desk.locator('[data-testid="document-check-outcome"][data-outcome="open"]');
    await panel.waitFor();
    expect(await desk.getByTestId('verify').count()).toBe(0); // settled by the outcome, not by verify
    await panel.getByTestId('outcome-confirmed').check();
    await panel.getByTestId('outcome-note').fill('Issuing office confirms: reported stolen in March');
    await panel.getByTestId('outcome-submit').click();
    await desk.locator('[data-testid="document-check-outcome"][data-outcome="confirmed"]').waitFor();
    await desk.locator('[data-testid="report-detail"][data-status="verified"]').waitFor();
    await saveScreenshot(desk, 'room-check-confirmed');
    // The phone, still open on the check tab, learns the outcome (it asks while a hit is open).
    await page.locator('[data-testid="check-result"][data-outcome="confirmed"]').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('check-result').first().textContent()).toContain('Confirmed by your commander');
    await saveScreenshot(page, 'field-check-confirmed');

    // Figures: the operation's panel counts checks, potential hits and confirmed hits.
    await desk.goto(`${suite.lintas.baseUrl}/operations/${mekong.id}?panel=figures`);
    await desk.getByTestId('figures-checks').waitFor();
    // Requests made while the link was cut fail in the console, as they should; nothing else may.
    expect(problemsOf(page).errors.filter((error) => !error.endsWith('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    expect(problemsOf(page).offMachineRequests).toEqual([]);
    expect(problemsOf(desk).errors).toEqual([]);
    await saveScreenshot(desk, 'room-check-figures');
    await context.close();
    await room.close();
  });
});
