import { randomUUID } from 'node:crypto';
import type { CreateReport } from '@lintas/contracts';
import type { Page } from 'playwright-core';
import { describeInBrowser, problemsOf, restSignIn, saveScreenshot, browserSuite, type RestSession, signedInThroughForm } from './support';

interface OperationSummary {
  id: string;
  code: string;
  exercise: boolean;
}
interface Team {
  id: string;
  callSign: string;
  members: { userId: string }[];
}
interface Report {
  id: string;
  title: string;
  status: string;
  marking: string;
}

/** A point inside Mekong Gate's area of operations, far from the demo reports, so the new marker is not clustered. */
const QUIET_SPOT = { lat: 10.86, lon: 105.68 };

describeInBrowser('operation room (commander and partner dashboard)', () => {
  const suite = browserSuite();
  let mekong: OperationSummary;
  let exercise: OperationSummary;
  let field: RestSession;
  let khCommander: RestSession;
  let bavetTeam: Team;

  beforeAll(async () => {
    khCommander = await restSignIn(suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    field = await restSignIn(suite.lintas.baseUrl, 'field@kh-gdi.demo', suite.lintas.demoPassword);
    const interpol = await restSignIn(suite.lintas.baseUrl, 'liaison@interpol-cu.demo', suite.lintas.demoPassword);
    const operations = await interpol.call<OperationSummary[]>((api) => api.GET('/api/operations'));
    mekong = operations.find((operation) => operation.code === 'OP-MEKONG-GATE')!;
    exercise = operations.find((operation) => operation.code === 'EX-SADAO-SHIELD')!;
    const teams = await field.call<Team[]>((api) => api.GET('/api/operations/{id}/teams', { params: { path: { id: mekong.id } } }));
    bavetTeam = teams.find((team) => team.members.some((member) => member.userId === field.user.id))!;
  });

  const signedIn = (email: string) => signedInThroughForm(suite, email);

  async function openOperation(page: Page, operationId: string, query = ''): Promise<void> {
    await page.goto(`${suite.lintas.baseUrl}/operations/${operationId}${query}`);
    await page.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
    // The timeline's past is read after the snapshot; a live event can arrive before it (seen in CI).
    await page.locator('[data-testid="operation-view"][data-history="loaded"]').waitFor();
    await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
    await page.locator('[data-testid="map"][data-basemap="ready"]').waitFor();
  }

  function postReport(session: RestSession, body: Record<string, unknown>): Promise<Report> {
    const report = { clientId: randomUUID(), occurredAt: new Date().toISOString(), lat: QUIET_SPOT.lat, lon: QUIET_SPOT.lon, ...body } as CreateReport;
    return session.call<Report>((api) => api.POST('/api/operations/{operationId}/reports', { params: { path: { operationId: mekong.id } }, body: report }));
  }

  /**
   * Marks the page's document, so that `sameDocument` can tell later that what appeared came over
   * the live link, not with a reload. How fast it comes is the benchmarks' business (bench:ui).
   */
  async function markDocument(page: Page): Promise<void> {
    await page.evaluate(() => ((window as unknown as { lintasE2eMark?: boolean }).lintasE2eMark = true));
  }
  async function sameDocument(page: Page): Promise<boolean> {
    return page.evaluate(() => (window as unknown as { lintasE2eMark?: boolean }).lintasE2eMark === true);
  }

  it('a commander signs in, sees the operations list and opens the active operation on the map', async () => {
    const { context, page } = await signedIn('commander@kh-gdi.demo');
    const card = page.locator('[data-testid="operation-card"][data-code="OP-MEKONG-GATE"]');
    await card.waitFor();
    expect(await card.textContent()).toMatch(/Mekong Gate.*Active.*Lead agency\s*KH-GDI.*Your agency\s*Lead/s);
    expect(await card.getByTestId('count-teams').textContent()).toMatch(/^\d+ teams?$/);
    expect(await card.getByTestId('count-open-alerts').textContent()).toMatch(/^\d+ open alerts?$/);

    await card.getByRole('link').click();
    await page.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
    await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.timeline__item').length > 10);

    const view = await page.evaluate(() => ({
      sites: document.querySelectorAll('.site-marker').length,
      teams: Number(document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.teamsDrawn),
      reportsOrClusters: document.querySelectorAll('.report-marker, .report-cluster').length,
      area: document.querySelectorAll('path.area-of-operations').length,
      banner: document.querySelector('[data-testid="marking-banner"]')?.getAttribute('data-marking'),
      verdictButtons: document.querySelectorAll('[data-testid="verify"]').length,
      readOnly: document.querySelector('[data-testid="read-only"]') !== null,
      title: document.title,
    }));
    expect(view.sites).toBe(6);
    expect(view.teams).toBeGreaterThanOrEqual(3);
    expect(view.reportsOrClusters).toBeGreaterThan(3);
    expect(view.area).toBe(1);
    // The lead sees everything of its operation, TLP:RED addressed to it included.
    expect(view.banner).toBe('TLP:RED');
    expect(view.readOnly).toBe(false);
    expect(view.title).toBe('Mekong Gate — Lintas');

    // Filters live in the URL: a view can be shared and survives a reload.
    await page.getByRole('button', { name: /Layers & filters/ }).click();
    await page.getByTestId('filter-kind-alert').click();
    await page.getByTestId('layer-teams').click();
    await page.waitForURL(/kind=alert/);
    expect(new URL(page.url()).searchParams.get('layers')).toBe('area,sites,trails,reports,alerts');
    await page.reload();
    await page.locator('[data-testid="operation-view"][data-drawn="true"]').waitFor();
    expect(await page.getByTestId('filter-kind-alert').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('map').getAttribute('data-teams-drawn')).toBe('0');
    expect(await page.locator('.report-marker--sitrep, .report-marker--interception').count()).toBe(0);

    await page.keyboard.press('?');
    await page.getByTestId('help').waitFor();
    expect(await page.getByTestId('help').textContent()).toContain('Next alert not yet acknowledged');
    await page.keyboard.press('Escape');
    await page.keyboard.press('t'); // teams back on, by keyboard
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset.teamsDrawn) >= 3);

    await saveScreenshot(page, 'operation-room-commander');
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });

  it('shows a report posted by a field officer on the map and in the timeline live; the commander verifies it and a participant sees the verdict live', async () => {
    const commander = await signedIn('commander@kh-gdi.demo');
    await openOperation(commander.page, mekong.id);
    const participant = await signedIn('commander@vn-bgc.demo');

    const title = `E2E alert ${randomUUID().slice(0, 8)}: group crossing the paddy fields`;
    await commander.page.locator('[data-testid="connection"][data-status="live"]').waitFor();
    await markDocument(commander.page);
    const posted = await postReport(field, { kind: 'alert', title, teamId: bavetTeam.id, marking: 'TLP:AMBER', narrative: 'Seen from the road, about 15 persons.' });
    await commander.page.locator(`.report-marker[data-report-id="${posted.id}"]`).waitFor();
    await commander.page.waitForFunction((text) => [...document.querySelectorAll('.timeline__item')].some((item) => item.textContent?.includes(text)), title);
    expect(await sameDocument(commander.page)).toBe(true); // pushed to the open view, not loaded again
    expect(await commander.page.locator('.timeline__item').first().textContent()).toContain(title);
    expect(await commander.page.locator('.timeline__item').first().locator('.tlp').textContent()).toBe('TLP:AMBER');

    // The participant (Viet Nam, TLP:AMBER released to it) watches the same report.
    await openOperation(participant.page, mekong.id, `?report=${posted.id}`);
    await participant.page.locator(`[data-testid="report-detail"][data-status="reported"]`).waitFor();
    expect(await participant.page.getByTestId('verify').count()).toBe(0); // not the originating agency

    await commander.page.locator(`.report-marker[data-report-id="${posted.id}"]`).click();
    await commander.page.locator(`[data-testid="report-detail"][data-report-id="${posted.id}"]`).waitFor();
    expect(new URL(commander.page.url()).searchParams.get('report')).toBe(posted.id);
    await markDocument(participant.page);
    await commander.page.getByTestId('verify').click();
    await commander.page.locator('[data-testid="report-detail"][data-status="verified"]').waitFor();

    await participant.page.locator('[data-testid="report-detail"][data-status="verified"]').waitFor();
    expect(await sameDocument(participant.page)).toBe(true);
    await participant.page.waitForFunction((text) => document.querySelector('.timeline__item')?.textContent?.includes(`Alert verified: ${text}`), title);
    await participant.page.getByTestId('report-history').getByText('Verified').waitFor();

    const stored = await khCommander.call<Report>((api) => api.GET('/api/reports/{id}', { params: { path: { id: posted.id } } }));
    expect(stored.status).toBe('verified');

    await saveScreenshot(commander.page, 'operation-room-verified-commander');
    await saveScreenshot(participant.page, 'operation-room-verified-participant');
    expect(problemsOf(commander.page)).toEqual({ errors: [], offMachineRequests: [] });
    expect(problemsOf(participant.page)).toEqual({ errors: [], offMachineRequests: [] });
    await commander.context.close();
    await participant.context.close();
  });

  it('shows a partner liaison only what the markings release to its agency, read-only', async () => {
    const { context, page } = await signedIn('liaison@id-dgi.demo');
    await openOperation(page, mekong.id);
    expect(await page.getByTestId('read-only').textContent()).toBe('Read-only');
    expect(await page.getByTestId('my-role').textContent()).toBe('Observer');

    // New items of another agency while the liaison watches: the restricted ones must never arrive.
    const strict = await postReport(khCommander, { kind: 'alert', title: 'E2E strict: informant name attached', marking: 'TLP:AMBER+STRICT' });
    const red = await postReport(khCommander, { kind: 'sitrep', title: 'E2E red: for Viet Nam only', marking: 'TLP:RED', recipientAgencyIds: [await agencyId('VN-BGC')] });
    const amber = await postReport(khCommander, { kind: 'sitrep', title: 'E2E amber: participants only', marking: 'TLP:AMBER' });
    const green = await postReport(khCommander, { kind: 'sitrep', title: 'E2E green: for every agency', marking: 'TLP:GREEN' });
    // Events arrive in order: once the last (GREEN) one is on screen, the earlier ones would have been too.
    await page.waitForFunction((text) => document.body.textContent?.includes(text), 'E2E green: for every agency');

    const seen = await page.evaluate(() => ({
      labels: [...new Set([...document.querySelectorAll('[data-marking]')].map((element) => element.getAttribute('data-marking')).filter(Boolean))],
      markerMarkings: [...new Set([...document.querySelectorAll('.report-marker')].map((element) => [...element.classList].find((name) => name.startsWith('report-marker--tlp-'))))],
      text: document.body.textContent ?? '',
      reportIds: [...document.querySelectorAll('[data-report-id]')].map((element) => element.getAttribute('data-report-id')),
      verdictControls: document.querySelectorAll('[data-testid="verify"], [data-testid="reject"]').length,
    }));
    expect(seen.labels.sort()).toEqual(['TLP:CLEAR', 'TLP:GREEN']);
    for (const marking of seen.markerMarkings) expect(['report-marker--tlp-clear', 'report-marker--tlp-green']).toContain(marking);
    for (const hidden of [strict, red, amber]) {
      expect(seen.text).not.toContain(hidden.title);
      expect(seen.reportIds).not.toContain(hidden.id);
    }
    expect(seen.reportIds).toContain(green.id);
    expect(seen.verdictControls).toBe(0);
    expect(await page.getByTestId('marking-banner').getAttribute('data-marking')).toBe('TLP:GREEN');

    // Even asked for by address, a restricted report is not shown.
    await page.goto(`${suite.lintas.baseUrl}/operations/${mekong.id}?report=${strict.id}`);
    await page.locator('[data-testid="report-detail"] .detail__error').waitFor();
    expect(await page.getByTestId('report-detail').textContent()).not.toContain(strict.title);

    await openOperation(page, mekong.id, `?report=${green.id}`);
    await page.locator(`[data-testid="report-detail"][data-report-id="${green.id}"] [data-testid="report-history"]`).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.timeline__item').length > 3);
    await saveScreenshot(page, 'operation-room-partner');
    expect(problemsOf(page).offMachineRequests).toEqual([]);
    // The 404 of the refused report is the only error the console may show.
    expect(problemsOf(page).errors.filter((error) => !error.includes('404'))).toEqual([]);
    await context.close();
  });

  it('marks an exercise EXERCISE on the list and on the operation screen', async () => {
    const { context, page } = await signedIn('liaison@interpol-cu.demo');
    const card = page.locator('[data-testid="operation-card"][data-code="EX-SADAO-SHIELD"]');
    expect(await card.getByTestId('exercise-mark').textContent()).toBe('EXERCISE');
    expect(await page.locator('[data-testid="operation-card"][data-code="OP-MEKONG-GATE"] [data-testid="exercise-mark"]').count()).toBe(0);
    await openOperation(page, exercise.id);
    expect(await page.getByTestId('exercise-strip').isVisible()).toBe(true);
    expect(await page.title()).toBe('EXERCISE · Sadao Shield — Lintas');
    await page.getByTestId('tab-figures').click();
    await page.getByTestId('figures-kind').waitFor();
    await saveScreenshot(page, 'operation-room-exercise');
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });

  it('draws the first screen from the compact snapshot and reads the full report when one is opened', async () => {
    const narrative = `E2E compact: the narrative is read on opening ${randomUUID().slice(0, 8)}`;
    const red = await postReport(khCommander, { kind: 'sitrep', title: 'E2E compact: red for Viet Nam', narrative, marking: 'TLP:RED', recipientAgencyIds: [await agencyId('VN-BGC')] });
    const { context, page } = await signedIn('commander@kh-gdi.demo');
    const snapshotAnswer = page.waitForResponse((response) => response.url().includes(`/api/operations/${mekong.id}/snapshot`));
    const reportAnswer = page.waitForResponse((response) => response.url().endsWith(`/api/reports/${red.id}`));
    await openOperation(page, mekong.id, `?report=${red.id}`);

    // The first screen's snapshot carries summaries: no narrative, no recipients.
    const snapshot = (await (await snapshotAnswer).json()) as { compact?: boolean; reports: Record<string, unknown>[] };
    expect(snapshot.compact).toBe(true);
    const summary = snapshot.reports.find((report) => report.id === red.id)!;
    expect(summary).toMatchObject({ title: red.title, marking: 'TLP:RED' });
    expect(summary).not.toHaveProperty('narrative');
    expect(summary).not.toHaveProperty('recipientAgencyIds');

    // Opened, the report is read in full: its narrative and recipients are shown.
    expect((await reportAnswer).status()).toBe(200);
    const detail = page.locator(`[data-testid="report-detail"][data-report-id="${red.id}"]`);
    await detail.locator('.detail__narrative').waitFor();
    expect(await detail.locator('.detail__narrative').textContent()).toBe(narrative);
    expect(await detail.textContent()).toContain('VN-BGC');
    await saveScreenshot(page, 'operation-room-compact-detail');
    expect(problemsOf(page).errors).toEqual([]);
    await context.close();
  });

  it('catches up after the link drops: reports posted meanwhile appear once, and the indicator says what is happening', async () => {
    const { context, page } = await signedIn('commander@kh-gdi.demo');
    await openOperation(page, mekong.id);

    await context.setOffline(true);
    await page.locator('[data-testid="connection"][data-status="offline"]').waitFor();
    await saveScreenshot(page, 'operation-room-offline');
    const titles: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const title = `E2E while offline ${i} ${randomUUID().slice(0, 6)}`;
      titles.push(title);
      await postReport(field, { kind: 'sitrep', title, teamId: bavetTeam.id, marking: 'TLP:GREEN' });
    }
    expect(await page.evaluate((text) => document.body.textContent?.includes(text), titles[0])).toBe(false);

    await context.setOffline(false);
    await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
    await page.waitForFunction((texts) => texts.every((text) => document.body.textContent?.includes(text)), titles);
    const counts = await page.evaluate(
      (texts) => texts.map((text) => [...document.querySelectorAll('.timeline__item')].filter((item) => item.textContent?.includes(text)).length),
      titles,
    );
    expect(counts).toEqual([1, 1, 1]);
    const seqs = await page.evaluate(() => [...document.querySelectorAll('.timeline__item')].map((item) => Number(item.getAttribute('data-seq'))));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    await saveScreenshot(page, 'operation-room-caught-up');
    expect(problemsOf(page).offMachineRequests).toEqual([]);
    await context.close();
  });

  async function agencyId(code: string): Promise<string> {
    const operation = await khCommander.call<{ participants: { agency: { id: string; code: string } }[] }>((api) => api.GET('/api/operations/{id}', { params: { path: { id: mekong.id } } }));
    return operation.participants.find((participant) => participant.agency.code === code)!.agency.id;
  }
});
