import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  describeInBrowser,
  fieldOfflineReady,
  newContext,
  newPage,
  problemsOf,
  restSignIn,
  saveScreenshot,
  browserSuite,
  type RestSession,
} from './support';

/** A phone in portrait, held in one hand. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, permissions: ['geolocation'] };

interface TeamView {
  id: string;
  operationId: string;
  callSign: string;
  status: string;
  members: { userId: string }[];
}
interface ReportView {
  id: string;
  clientId: string;
  title: string;
  teamId: string | null;
  interception: { persons: number } | null;
}
interface OperationView {
  id: string;
  code: string;
}

describeInBrowser('field page: outbox over a poor link', () => {
  const suite = browserSuite();

  async function signInOnField(context: BrowserContext, email: string, expectedCallSign: string): Promise<Page> {
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/field`);
    await page.getByTestId('field-sign-in').waitFor();
    await saveScreenshot(page, 'field-sign-in');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(suite.lintas.demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('field-team').getByText(expectedCallSign).waitFor();
    return page;
  }


  async function waitForStatus(page: Page, attributes: Record<string, string | number>): Promise<void> {
    const selector = Object.entries(attributes)
      .map(([name, value]) => `[data-${name}="${value}"]`)
      .join('');
    try {
      await page.locator(`[data-testid="sync-status"]${selector}`).waitFor();
    } catch (error) {
      // Say where the outbox stood (link, waiting, its problem and next attempt) so a timeout can be told from a stall.
      const status = await page
        .getByTestId('sync-status')
        .evaluate((element) => `${[...element.attributes].map((attribute) => `${attribute.name}="${attribute.value}"`).join(' ')}: ${element.textContent}`)
        .catch(() => 'no status bar');
      throw new Error(`The sync status never matched ${selector}; it read ${status}. ${(error as Error).message}`);
    }
  }

  async function postInterception(page: Page, title: string, persons: number): Promise<void> {
    await page.getByTestId('tab-interception').click();
    const form = page.getByTestId('interception-form');
    await form.getByTestId('kind-smuggling').click();
    await form.getByTestId('count-persons').fill(String(persons));
    await form.getByTestId('count-minors').fill('1');
    await form.getByRole('button', { name: 'KH', exact: true }).click();
    await form.getByTestId('narrative').fill(`${title}: stopped at the checkpoint`);
    await form.getByTestId('title').fill(title);
    await form.getByTestId('submit-report').click();
    await form.getByTestId('form-saved').waitFor();
  }

  async function teamOf(session: RestSession, operationCode: string, callSign: string): Promise<TeamView> {
    const operations = await session.call<OperationView[]>((api) => api.GET('/api/operations'));
    const operation = operations.find((candidate) => candidate.code === operationCode);
    if (!operation) throw new Error(`no operation ${operationCode}`);
    const teams = await session.call<TeamView[]>((api) => api.GET('/api/operations/{id}/teams', { params: { path: { id: operation.id } } }));
    const team = teams.find((candidate) => candidate.callSign === callSign);
    if (!team) throw new Error(`no team ${callSign}`);
    return team;
  }

  async function reportsOf(session: RestSession, team: TeamView): Promise<ReportView[]> {
    return (await session.call<{ items: ReportView[] }>((api) => api.GET('/api/operations/{operationId}/reports', { params: { path: { operationId: team.operationId }, query: { teamId: team.id, limit: 500 } } }))).items;
  }

  it('keeps 3 interceptions, 5 positions and a status change made offline across a reload, and delivers each once, in order, when the link returns', async () => {
    const startedAt = new Date(Date.now() - 1000).toISOString();
    const context = await newContext(suite.browser, { ...PHONE, geolocation: { latitude: 11.05, longitude: 106.1, accuracy: 8 } });
    const page = await signInOnField(context, 'field@kh-gdi.demo', 'KH-BAVET-1');
    await fieldOfflineReady(page);
    await waitForStatus(page, { link: 'online', waiting: 0 });
    const commander = await restSignIn(suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    const team = await teamOf(commander, 'OP-MEKONG-GATE', 'KH-BAVET-1');
    const reportsBefore = await reportsOf(commander, team);
    expect(team.status).toBe('on_station');

    await context.setOffline(true);
    await waitForStatus(page, { link: 'offline' });

    // One tap: the team is engaged.
    await page.getByTestId('status-engaged').click();
    await page.getByTestId('team-status-current').getByText('Engaged (waiting to send)').waitFor();

    // Five fixes, each some 300 m on and more than two seconds after the last: all of them matter to the map.
    const fixes = [0, 1, 2, 3, 4].map((i) => ({ latitude: Number((11.05 + i * 0.002).toFixed(3)), longitude: Number((106.1 + i * 0.002).toFixed(3)) }));
    for (const [index, fix] of fixes.entries()) {
      await context.setGeolocation({ ...fix, accuracy: 8 });
      await page.getByTestId('position-gps').click();
      await waitForStatus(page, { waiting: 2 + index });
      await page.waitForTimeout(2_100);
    }

    const titles = ['E2E offline 1: boat below Chau Doc', 'E2E offline 2: minivan at Bavet', 'E2E offline 3: walkers on the paddy path'];
    for (const [index, title] of titles.entries()) await postInterception(page, title, 4 + index);
    await waitForStatus(page, { link: 'offline', waiting: 9 });
    expect(await reportsOf(commander, team).then((items) => items.length)).toBe(reportsBefore.length);

    // The tab is reloaded with no network: the page and the queued posts are still there.
    await page.reload();
    await page.getByTestId('field-team').getByText('KH-BAVET-1').waitFor();
    await waitForStatus(page, { link: 'offline', waiting: 9 });
    await page.getByTestId('tab-outbox').click();
    await page.getByTestId('outbox-positions').getByText('5 positions').waitFor();
    expect(await page.locator('[data-testid="outbox-item"][data-kind="report"][data-state="queued"]').count()).toBe(3);
    await saveScreenshot(page, 'field-offline-outbox');

    // The commander watches the live map in the operations room.
    const room = await newContext(suite.browser);
    const roomPage = await newPage(room);
    await roomPage.goto(`${suite.lintas.baseUrl}/`);
    await roomPage.getByTestId('sign-in-form').waitFor();
    await roomPage.getByLabel('E-mail').fill('commander@kh-gdi.demo');
    await roomPage.getByLabel('Password').fill(suite.lintas.demoPassword);
    await roomPage.getByRole('button', { name: 'Sign in' }).click();
    await roomPage.getByTestId('operations-list').waitFor();
    await roomPage.goto(`${suite.lintas.baseUrl}/operations/${team.operationId}`);
    await roomPage.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
    await roomPage.locator('[data-testid="connection"][data-status="live"]').waitFor();
    expect(await roomPage.locator('.timeline__item', { hasText: 'KH-BAVET-1: Engaged' }).count()).toBe(0);

    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/api\/(operations|teams)\//.test(request.url())) posted.push(new URL(request.url()).pathname);
    });
    await context.setOffline(false);
    await waitForStatus(page, { link: 'online', waiting: 0 });
    await page.locator('[data-testid="outbox-item"][data-kind="report"][data-state="delivered"]').nth(2).waitFor();
    expect(await page.getByTestId('outbox-positions-delivered').textContent()).toMatch(/^5 positionsDelivered \d\d:\d\d:\d\dSent as one batch$/);
    expect(await page.getByTestId('sync-last-delivery').textContent()).toMatch(/^Last delivery \d\d:\d\d:\d\d$/);
    await saveScreenshot(page, 'field-delivered');

    // One request per delivery, in the order the posts were made: status, the positions as one batch, the reports.
    expect(posted).toEqual([
      `/api/teams/${team.id}/status`,
      `/api/operations/${team.operationId}/teams/${team.id}/positions`,
      `/api/operations/${team.operationId}/reports`,
      `/api/operations/${team.operationId}/reports`,
      `/api/operations/${team.operationId}/reports`,
    ]);

    // The commander's view (REST): exactly 3 new reports, each once; the positions in order; the status.
    const reportsAfter = await reportsOf(commander, team);
    const added = reportsAfter.filter((report) => !reportsBefore.some((before) => before.id === report.id));
    expect(added.map((report) => report.title).sort()).toEqual([...titles].sort());
    expect(new Set(added.map((report) => report.clientId)).size).toBe(3);
    expect(added.map((report) => report.interception?.persons).sort()).toEqual([4, 5, 6]);
    const track = await commander.call<{ items: { lat: number; lon: number; at: string }[] }>((api) =>
      api.GET('/api/operations/{operationId}/teams/{teamId}/positions', { params: { path: { operationId: team.operationId, teamId: team.id }, query: { from: startedAt } } }),
    );
    expect(track.items.map((position) => [position.lat, position.lon])).toEqual(fixes.map((fix) => [fix.latitude, fix.longitude]));
    expect((await teamOf(commander, 'OP-MEKONG-GATE', 'KH-BAVET-1')).status).toBe('engaged');

    // …and the commander's live operation view shows them: the three interceptions and the status change in its timeline.
    for (const text of [...titles, 'KH-BAVET-1: Engaged']) {
      await roomPage.waitForFunction((wanted) => [...document.querySelectorAll('.timeline__item')].some((item) => item.textContent?.includes(wanted)), text);
    }
    await saveScreenshot(roomPage, 'field-commander-map');

    expect(problemsOf(page).offMachineRequests).toEqual([]);
    expect(problemsOf(roomPage)).toEqual({ errors: [], offMachineRequests: [] });
    await room.close();
    await context.close();
  });

  it('shows a post the server refuses (the operation was closed) with its reason, and does not send it again', async () => {
    const context = await newContext(suite.browser, PHONE);
    const page = await signInOnField(context, 'field@th-rtp.demo', 'TH-SADAO-1');
    await page.getByTestId('field-team').getByText('EXERCISE').waitFor();
    await context.setOffline(true);
    await waitForStatus(page, { link: 'offline' });
    await postInterception(page, 'E2E exercise: truck at Sadao', 9);
    await waitForStatus(page, { waiting: 1 });

    // Meanwhile the lead commander closes the exercise.
    const commander = await restSignIn(suite.lintas.baseUrl, 'commander@th-rtp.demo', suite.lintas.demoPassword);
    const team = await teamOf(commander, 'EX-SADAO-SHIELD', 'TH-SADAO-1');
    await commander.call((api) => api.POST('/api/operations/{id}/transition', { params: { path: { id: team.operationId } }, body: { status: 'closed' } }));

    const posted: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/reports')) posted.push(request.url());
    });
    await context.setOffline(false);
    await waitForStatus(page, { link: 'online', waiting: 0, rejected: 1 });
    await page.getByTestId('field-closed').getByText('This operation is closed: new posts will be refused.').waitFor();
    await page.getByTestId('tab-outbox').click();
    const item = page.locator('[data-testid="outbox-item"][data-state="rejected"]');
    await item.waitFor();
    expect(await item.getByTestId('rejection-reason').textContent()).toBe('The operation is closed; it accepts no more changes (409)');
    await item.getByTestId('outbox-edit').waitFor();
    await saveScreenshot(page, 'field-rejected');

    // Final: not tried again, not even when the officer asks the page to retry or the link flaps.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(5_000);
    expect(posted.length).toBe(1);
    expect(await reportsOf(commander, team).then((reports) => reports.filter((report) => report.title.startsWith('E2E exercise')).length)).toBe(0);

    // Discarded, it is gone.
    await item.getByTestId('outbox-discard').click();
    await waitForStatus(page, { rejected: 0 });
    expect(await page.locator('[data-testid="outbox-item"][data-state="rejected"]').count()).toBe(0);
    expect(problemsOf(page).offMachineRequests).toEqual([]);
    await context.close();
  });

  it('stores a report once when its first acknowledgement is lost and the outbox sends it again', async () => {
    // No service worker here: requests must go straight through page.route.
    const context = await newContext(suite.browser, { ...PHONE, serviceWorkers: 'block' });
    const page = await signInOnField(context, 'field@vn-bgc.demo', 'VN-MOCBAI-1');
    const requests: Array<{ clientId: string; answered: string }> = [];
    await page.route('**/api/operations/*/reports', async (route) => {
      const clientId = JSON.parse(route.request().postData() ?? '{}').clientId as string;
      const response = await route.fetch(); // the server gets it and stores the report…
      if (requests.length === 0) {
        requests.push({ clientId, answered: `lost ${response.status()}` });
        await route.abort('connectionreset'); // …but the answer never reaches the phone
        return;
      }
      requests.push({ clientId, answered: String(response.status()) });
      await route.fulfill({ response });
    });

    await postInterception(page, 'E2E lost ack: two suspects at Moc Bai', 2);
    await waitForStatus(page, { link: 'online', waiting: 0 });
    await page.getByTestId('tab-outbox').click();
    await page.locator('[data-testid="outbox-item"][data-state="delivered"]').getByText('E2E lost ack: two suspects at Moc Bai').waitFor();

    expect(requests.map((request) => request.answered)).toEqual(['lost 201', '200']);
    expect(requests[1].clientId).toBe(requests[0].clientId);
    const officer = await restSignIn(suite.lintas.baseUrl, 'field@vn-bgc.demo', suite.lintas.demoPassword);
    const team = await teamOf(officer, 'OP-MEKONG-GATE', 'VN-MOCBAI-1');
    const stored = (await reportsOf(officer, team)).filter((report) => report.title === 'E2E lost ack: two suspects at Moc Bai');
    expect(stored.map((report) => report.clientId)).toEqual([requests[0].clientId]);
    await saveScreenshot(page, 'field-lost-ack');
    await context.close();
  });

  it('opens with the network cut after one visit: the page, the saved team, the form and the map', async () => {
    const context = await newContext(suite.browser, PHONE);
    const page = await signInOnField(context, 'field2@kh-gdi.demo', 'KH-MEKONG-2');
    await fieldOfflineReady(page);
    await context.setOffline(true);

    await page.reload();
    await page.getByTestId('field-team').getByText('KH-MEKONG-2').waitFor();
    await waitForStatus(page, { link: 'offline' });
    await page.getByTestId('field-cached').waitFor();
    await saveScreenshot(page, 'field-offline-start');

    // The site list was saved: the interception form offers the team's own crossing first.
    await page.getByTestId('tab-interception').click();
    expect(await page.getByTestId('place-site').locator('option:checked').textContent()).toBe('Kaam Samnor (Mekong) · KH');
    // A form with mistakes is stopped before it reaches the outbox, field by field.
    await page.getByTestId('submit-report').click();
    await page.getByTestId('error-interceptionKind').waitFor();
    await page.getByTestId('error-persons').waitFor();
    await saveScreenshot(page, 'field-form-errors');
    await waitForStatus(page, { waiting: 0 });

    // The map picker, its code and the embedded basemap come from the cache too.
    await page.getByTestId('tab-team').click();
    await page.getByTestId('position-map').click();
    await page.locator('[data-testid="map-picker"] [data-testid="map"][data-basemap="ready"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="map-picker"] path.country-outline').length > 10);
    await page.locator('[data-testid="map-picker"] [data-testid="map"]').click({ position: { x: 195, y: 300 } });
    await page.getByTestId('map-picker').getByText(/^Point \d+\.\d{5}, \d+\.\d{5}$/).waitFor();
    await saveScreenshot(page, 'field-offline-map-picker');
    await page.getByTestId('map-picker-use').click();
    await waitForStatus(page, { link: 'offline', waiting: 1 });
    await saveScreenshot(page, 'field-offline-map-position');

    // A sitrep, from its template.
    await page.getByTestId('tab-sitrep').click();
    const sitrep = page.getByTestId('sitrep-form');
    expect(await sitrep.getByTestId('narrative').inputValue()).toBe('Situation:\n\nActions taken:\n\nNeeds:\n');
    await sitrep.getByTestId('narrative').fill('Situation: river level high, no crossings.\nActions taken: patrol at 06:00.\nNeeds: none.');
    await sitrep.getByTestId('submit-report').click();
    await sitrep.getByTestId('form-saved').waitFor();
    await waitForStatus(page, { link: 'offline', waiting: 2 });
    await page.getByTestId('tab-outbox').click();
    await page.locator('[data-testid="outbox-item"][data-kind="report"][data-state="queued"]').getByText('Sitrep KH-MEKONG-2 at Kaam Samnor (Mekong)').waitFor();

    // The only errors are the refused refreshes of the team list and the sites, made while offline.
    expect(problemsOf(page).errors.filter((error) => !error.endsWith('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    expect(problemsOf(page).offMachineRequests).toEqual([]);
    await context.close();
  });
});
