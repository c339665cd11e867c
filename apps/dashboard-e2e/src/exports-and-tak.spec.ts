import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describeInBrowser, newContext, newPage, problemsOf, saveScreenshot, browserSuite, restSignIn, signInContext } from './support';

interface OperationSummary {
  id: string;
  code: string;
  exercise: boolean;
}

describeInBrowser('exports and TAK (commander dashboard)', () => {
  const suite = browserSuite();
  let mekong: OperationSummary;

  beforeAll(async () => {
    const commander = await restSignIn(suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    const operations = await commander.call<OperationSummary[]>((api) => api.GET('/api/operations'));
    mekong = operations.find((operation) => operation.code === 'OP-MEKONG-GATE')!;
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
});
