import { readFileSync } from 'node:fs';
import { freePort } from '@lintas/testing';
import type { Page } from 'playwright-core';
import { browserSuite, connectTak, cotPositions, describeInBrowser, newContext, newPage, problemsOf, restSignIn, saveScreenshot, signInContext } from './support';

interface OperationSummary {
  id: string;
  code: string;
  exercise: boolean;
}
interface Team {
  id: string;
  callSign: string;
  agency: { code: string };
}

describeInBrowser('exports and TAK (commander dashboard)', () => {
  let cotPort = 0;
  const suite = browserSuite(async () => {
    cotPort = await freePort();
    return { env: { COT_PORT: String(cotPort), COT_HOST: '127.0.0.1' } };
  });
  let mekong: OperationSummary;
  let bavet: Team;

  beforeAll(async () => {
    const commander = await restSignIn(suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    const operations = await commander.call<OperationSummary[]>((api) => api.GET('/api/operations'));
    mekong = operations.find((operation) => operation.code === 'OP-MEKONG-GATE')!;
    const teams = await commander.call<Team[]>((api) => api.GET('/api/operations/{id}/teams', { params: { path: { id: mekong.id } } }));
    bavet = teams.find((team) => team.agency.code === 'KH-GDI' && team.callSign.includes('BAVET'))!;
  });

  async function openAs(email: string, query = ''): Promise<Page> {
    const context = await newContext(suite.browser);
    await signInContext(context, suite.lintas.baseUrl, email, suite.lintas.demoPassword);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/operations/${mekong.id}${query}`);
    await page.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
    return page;
  }

  it('the Export menu downloads what the filters show, under a file name that carries the marking', async () => {
    const page = await openAs('commander@kh-gdi.demo', '?kind=interception');
    await page.getByTestId('export-menu').locator('summary').click();
    await page.getByTestId('export-scope-filtered').check();
    await saveScreenshot(page, 'export-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-geojson').click()]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^OP-MEKONG-GATE_TLP-(CLEAR|GREEN|AMBER|AMBER\+STRICT|RED)_\d{8}T\d{4}Z\.geojson$/);
    const collection = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { marking: string; features: { properties: { layer: string; kind: string } }[] };
    expect(fileName).toContain(collection.marking.replace(':', '-'));
    const reports = collection.features.filter((feature) => feature.properties.layer === 'reports' || feature.properties.layer === 'alerts');
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((feature) => feature.properties.kind === 'interception')).toBe(true);
    await page.getByTestId('export-saved').waitFor();
    expect(await page.getByTestId('export-saved').textContent()).toContain(fileName);

    await page.getByTestId('export-scope-everything').check();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/^OP-MEKONG-GATE_TLP-[A-Z+]+_\d{8}T\d{4}Z\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('sitrep');
    await saveScreenshot(page, 'export-menu-saved');
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await page.context().close();
  });

  it("a commander binds a TAK device to a team in the team panel; the device's CoT positions move the team on the map", async () => {
    const page = await openAs('commander@kh-gdi.demo', `?team=${bavet.id}`);
    const uid = 'ANDROID-E2E-BAVET';
    await page.getByTestId('device-uid').fill(uid);
    await page.getByTestId('bind-device').click();
    await page.locator('[data-testid="team-device"]', { hasText: uid }).waitFor();
    const moves = Number(await page.getByTestId('map').getAttribute('data-team-moves'));

    const device = await connectTak(cotPort);
    const now = Date.now();
    const events = await cotPositions(uid, [
      { lat: 11.0712, lon: 106.1488, at: new Date(now - 3000) },
      { lat: 11.0734, lon: 106.1511, at: new Date(now - 1000) },
    ]);
    device.write(events[0]);
    await page.locator('[data-testid="team-detail"]', { hasText: '11.0712, 106.1488' }).waitFor();
    device.write(events[1]);
    await page.locator('[data-testid="team-detail"]', { hasText: '11.0734, 106.1511' }).waitFor();
    await page.waitForFunction((before) => Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-team-moves')) > before, moves);
    await saveScreenshot(page, 'tak-device-position');
    device.destroy();
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await page.context().close();
  });
});
