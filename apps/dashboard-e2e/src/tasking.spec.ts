import type { AgencyRequest, OperationEvent, OperationSummary, Page as ApiPage, Task } from '@lintas/contracts';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { Client } from 'pg';
import { browserSuite, describeInBrowser, newContext, newPage, problemsOf, restSignIn, saveScreenshot, type RestSession, signedInThroughForm } from './support';

/** A phone in portrait, held in one hand. */
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

describeInBrowser('tasking and requests between agencies', () => {
  const suite = browserSuite();
  let mekong: OperationSummary;
  let khCommander: RestSession;

  beforeAll(async () => {
    khCommander = await restSignIn(suite.lintas.baseUrl, 'commander@kh-gdi.demo', suite.lintas.demoPassword);
    const operations = await khCommander.call<OperationSummary[]>((api) => api.GET('/api/operations'));
    mekong = operations.find((operation) => operation.code === 'OP-MEKONG-GATE')!;
  });

  const signedIn = (email: string, options: BrowserContextOptions = {}) => signedInThroughForm(suite, email, options);

  async function openPanel(page: Page, panel: 'tasks' | 'requests'): Promise<void> {
    await page.goto(`${suite.lintas.baseUrl}/operations/${mekong.id}?panel=${panel}`);
    await page.locator('[data-testid="connection"][data-status="live"]').waitFor();
    await page.getByTestId(panel === 'tasks' ? 'task-board' : 'requests-panel').waitFor();
  }

  async function giveTask(page: Page, fields: { team: string; title: string; ackMinutes?: string }): Promise<void> {
    await page.getByTestId('task-new').click();
    const form = page.getByTestId('task-form');
    await form.getByTestId('task-team').selectOption({ label: fields.team });
    await form.getByTestId('task-kind').selectOption('hold');
    await form.getByTestId('task-title').fill(fields.title);
    await form.getByTestId('task-site').selectOption({ index: 1 });
    if (fields.ackMinutes) await form.getByTestId('task-ack-minutes').fill(fields.ackMinutes);
    await form.getByTestId('task-submit').click();
    await form.waitFor({ state: 'detached' });
  }

  /** The states a task's card on the board went through, as the page saw them (recorded by the page itself). */
  async function recordStates(page: Page, title: string): Promise<void> {
    await page.evaluate((text) => {
      const seen: string[] = [];
      (window as unknown as { taskStates: string[] }).taskStates = seen;
      const note = () => {
        const card = [...document.querySelectorAll<HTMLElement>('[data-testid="task-card"]')].find((item) => item.textContent?.includes(text));
        const state = card?.dataset.state;
        if (state && seen[seen.length - 1] !== state) seen.push(state);
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    }, title);
  }

  it('a commander tasks a team; the field officer at phone size gets it live, acknowledges and reports done offline; the board follows in order; an unacknowledged task turns overdue', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const commander = await signedIn('commander@kh-gdi.demo');
    await openPanel(commander.page, 'tasks');

    // The one nobody will acknowledge: the shortest deadline (30 s), given first so its wait overlaps the rest.
    const ignored = `E2E ${tag}: hold the north gate`;
    await giveTask(commander.page, { team: 'KH-MEKONG-2 · KH-GDI', title: ignored, ackMinutes: '0.5' });

    const phone = await newContext(suite.browser, PHONE);
    const field = await newPage(phone);
    await field.goto(`${suite.lintas.baseUrl}/field`);
    await field.getByTestId('field-sign-in').waitFor();
    await field.getByLabel('E-mail').fill('field@kh-gdi.demo');
    await field.getByLabel('Password').fill(suite.lintas.demoPassword);
    await field.getByRole('button', { name: 'Sign in' }).click();
    await field.getByTestId('field-team').getByText('KH-BAVET-1').waitFor();
    await field.getByTestId('tab-tasks').click();
    await field.locator('[data-testid="field-tasks"][data-live="true"]').waitFor();
    // Counts the vibrations the page asks for.
    await field.evaluate(() => {
      (window as unknown as { vibrations: number }).vibrations = 0;
      navigator.vibrate = () => {
        (window as unknown as { vibrations: number }).vibrations++;
        return true;
      };
    });

    const title = `E2E ${tag}: hold the Bavet secondary lane`;
    await giveTask(commander.page, { team: 'KH-BAVET-1 · KH-GDI', title });
    await recordStates(commander.page, title);
    const card = field.locator('[data-testid="field-task"]', { hasText: title });
    await field.locator('[data-testid="field-task"][data-state="assigned"]', { hasText: title }).waitFor();
    expect(await field.evaluate(() => (window as unknown as { vibrations: number }).vibrations)).toBe(1);
    await saveScreenshot(field, 'tasking-field-new-task');

    await phone.setOffline(true);
    await field.locator('[data-testid="sync-status"][data-link="offline"]').waitFor();
    await card.getByTestId('field-task-ack').click();
    await card.getByTestId('field-task-thread').click();
    await card.getByTestId('field-thread-input').fill('At the lane, two cars ahead of the van');
    await card.getByTestId('field-thread-send').click();
    await card.getByTestId('field-thread-waiting').waitFor();
    await card.getByTestId('field-task-done').click();
    await field.locator('[data-testid="field-task"][data-state="done"]', { hasText: title }).waitFor();
    await field.locator('[data-testid="sync-status"][data-waiting="3"]').waitFor();
    await saveScreenshot(field, 'tasking-field-offline-done');
    // Nothing reached the server yet.
    expect(await commander.page.locator('[data-testid="task-card"][data-state="assigned"]', { hasText: title }).count()).toBe(1);

    await phone.setOffline(false);
    await field.locator('[data-testid="sync-status"][data-waiting="0"]').waitFor();
    await commander.page.locator('[data-testid="task-card"][data-state="done"]', { hasText: title }).waitFor();
    expect(await commander.page.evaluate(() => (window as unknown as { taskStates: string[] }).taskStates)).toEqual(['assigned', 'acknowledged', 'done']);

    // The log holds each change once, in the order made.
    const tasks = await khCommander.call<ApiPage<Task>>((api) => api.GET('/api/operations/{operationId}/tasks', { params: { path: { operationId: mekong.id }, query: { limit: 500 } } }));
    const task = tasks.items.find((item) => item.title === title)!;
    const detail = await khCommander.call<{ transitions: { to: string }[] }>((api) =>
      api.GET('/api/operations/{operationId}/tasks/{taskId}', { params: { path: { operationId: mekong.id, taskId: task.id } } }),
    );
    expect(detail.transitions.map((step) => step.to)).toEqual(['assigned', 'acknowledged', 'done']);
    // The message written offline between the two changes reached the task's thread, once.
    const thread = await khCommander.call<{ body: string; agencyCode: string }[]>((api) =>
      api.GET('/api/operations/{operationId}/tasks/{taskId}/messages', { params: { path: { operationId: mekong.id, taskId: task.id } } }),
    );
    expect(thread.map((message) => message.body)).toEqual(['At the lane, two cars ahead of the van']);
    await commander.page.locator('[data-testid="task-card"]', { hasText: title }).getByTestId('task-thread').click();
    await commander.page.getByTestId('thread-message').getByText('At the lane, two cars ahead of the van').waitFor();

    // The ignored task turns overdue on the board, and its author is alerted.
    await commander.page.locator('[data-testid="task-card"][data-overdue="true"]', { hasText: ignored }).waitFor({ timeout: 60_000 });
    await commander.page.locator('[data-testid="tasking-alert"]').first().waitFor();
    await saveScreenshot(commander.page, 'tasking-board-commander');
    expect(problemsOf(commander.page).errors).toEqual([]);
    // Requests the phone made while it had no network fail as such (as in field-outbox.spec.ts); nothing else may.
    expect(problemsOf(field).errors.filter((error) => !error.endsWith('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await phone.close();
    await commander.context.close();
  });

  it('KH-GDI asks VN-BGC to take over a case; the VN commander accepts it in another browser and turns it into a VN team’s task', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const kh = await signedIn('commander@kh-gdi.demo');
    const vn = await signedIn('commander@vn-bgc.demo');
    await openPanel(kh.page, 'requests');
    await openPanel(vn.page, 'requests');

    const subject = `E2E ${tag}: take over 5 persons leaving Bavet`;
    await kh.page.getByTestId('request-new').click();
    const form = kh.page.getByTestId('request-form');
    await form.getByTestId('request-to').selectOption({ label: 'VN-BGC' });
    await form.getByTestId('request-kind').selectOption('take_over_case');
    await form.getByTestId('request-subject').fill(subject);
    await form.getByTestId('request-details').fill('White van, 5 passengers, to the Moc Bai post.');
    await form.getByTestId('request-submit').click();
    await kh.page.getByTestId('requests-outgoing').getByText(subject).waitFor();

    // Live in the other browser, among VN's incoming requests.
    const incoming = vn.page.getByTestId('requests-incoming').locator('[data-testid="request-card"]', { hasText: subject });
    await incoming.waitFor();
    await incoming.getByTestId('request-accept').click();
    await incoming.locator('[data-testid="request-state"]', { hasText: 'Accepted' }).waitFor();
    await kh.page.getByTestId('requests-outgoing').locator('[data-testid="request-card"][data-state="accepted"]', { hasText: subject }).waitFor();

    await incoming.getByTestId('request-task').click();
    const taskForm = incoming.getByTestId('task-form');
    await taskForm.getByTestId('task-team').selectOption({ label: 'VN-MOCBAI-1 · VN-BGC' });
    await taskForm.getByTestId('task-submit').click();
    await taskForm.waitFor({ state: 'detached' });

    // The conversation around the hand-over, on the record: KH writes, VN reads it live.
    await kh.page.getByTestId('requests-outgoing').locator('[data-testid="request-card"]', { hasText: subject }).getByTestId('request-thread').click();
    await incoming.getByTestId('request-thread').click();
    await kh.page.getByTestId('thread-input').fill('Van leaves Bavet in 10 minutes, 5 passengers');
    await kh.page.getByTestId('thread-send').click();
    await incoming.getByTestId('thread-message').getByText('Van leaves Bavet in 10 minutes, 5 passengers').waitFor();
    await saveScreenshot(vn.page, 'tasking-requests-vn');

    // The KH commander (lead) sees the VN task on its board, from the request.
    await kh.page.getByTestId('tab-tasks').click();
    const vnTask = kh.page.locator('[data-testid="task-card"]', { hasText: subject });
    await vnTask.getByText('VN-MOCBAI-1', { exact: false }).waitFor();
    await saveScreenshot(kh.page, 'tasking-board-kh-sees-vn-task');

    const requests = await khCommander.call<ApiPage<AgencyRequest>>((api) => api.GET('/api/operations/{operationId}/requests', { params: { path: { operationId: mekong.id }, query: { limit: 500 } } }));
    const request = requests.items.find((item) => item.subject === subject)!;
    expect(request).toMatchObject({ state: 'accepted', fromAgency: { code: 'KH-GDI' }, toAgency: { code: 'VN-BGC' } });
    const tasks = await khCommander.call<ApiPage<Task>>((api) =>
      api.GET('/api/operations/{operationId}/tasks', { params: { path: { operationId: mekong.id }, query: { requestId: request.id } } }),
    );
    expect(tasks.items).toEqual([expect.objectContaining({ requestId: request.id, originAgency: expect.objectContaining({ code: 'VN-BGC' }), state: 'assigned' })]);
    const events = await khCommander.call<{ items: OperationEvent[] }>((api) => api.GET('/api/operations/{id}/events', { params: { path: { id: mekong.id }, query: { sinceSeq: Math.max(0, request.version - 5), limit: 100 } } }));
    expect(events.items.filter((event) => event.type === 'request.updated' && event.request.id === request.id).length).toBeGreaterThanOrEqual(1);
    expect(problemsOf(kh.page).errors).toEqual([]);
    expect(problemsOf(vn.page).errors).toEqual([]);
    await kh.context.close();
    await vn.context.close();
  });

  it('a commander draws a watched area on the map; with no team in it for its threshold the author is alerted; removing it clears both', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const kh = await signedIn('commander@kh-gdi.demo');
    await openPanel(kh.page, 'tasks');
    const name = `E2E ${tag}: paddy fields north`;
    // The button toggles the form. Once in a fresh-clone CI run (the simulator's benchmark beside it)
    // the form was not there 30 s after the click, though the board was: the form is opened again if
    // the board has closed it (aria-expanded false), and the log says so, until it is understood.
    const newArea = kh.page.getByTestId('watched-area-new');
    const form = kh.page.getByTestId('watched-area-form');
    for (let clicks = 0; !(await form.isVisible()); clicks++) {
      if (clicks === 3) throw new Error('the watched-area form did not open after three clicks');
      if (clicks > 0) console.log(`[tasking.spec] the watched-area form was not open after click ${clicks} (aria-expanded ${await newArea.getAttribute('aria-expanded')})`);
      if ((await newArea.getAttribute('aria-expanded')) !== 'true') await newArea.click();
      await form.waitFor({ timeout: 10_000 }).catch(() => undefined);
    }
    await form.getByTestId('watched-area-name').fill(name);
    await form.getByTestId('watched-area-minutes').fill('1');
    await form.getByTestId('watched-area-draw').click();
    // Four corners low in the middle of the map, away from the map's tools and the demo's teams and sites.
    const map = kh.page.locator('.leaflet-container');
    const box = (await map.boundingBox())!;
    const [cx, cy] = [box.width * 0.55, box.height * 0.82];
    for (const [x, y] of [[cx - 60, cy - 40], [cx + 60, cy - 40], [cx + 60, cy + 30], [cx - 60, cy + 30]]) await map.click({ position: { x, y } });
    await form.getByTestId('watched-area-draw').click();
    await form.getByTestId('watched-area-submit').click();
    await form.waitFor({ state: 'detached' });
    const item = kh.page.locator('[data-testid="watched-area"]', { hasText: name });
    await item.waitFor();
    const areaId = (await item.getAttribute('data-area-id'))!;
    await kh.page.locator(`[data-watched-area-id="${areaId}"]`).waitFor();

    // The API runs on the system clock (its sweep every 5 s): instead of waiting a minute, the area's
    // last team sighting is moved two minutes back, as if it had been watched since then.
    const db = new Client({ connectionString: suite.lintas.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE watched_areas SET last_team_inside_at = last_team_inside_at - interval '2 minutes' WHERE id = $1`, [areaId]);
    } finally {
      await db.end();
    }
    await kh.page.locator(`[data-testid="tasking-alert"][data-kind="watched_area.lapsed"][data-area-id="${areaId}"]`).waitFor({ timeout: 30_000 });
    await kh.page.locator(`[data-testid="watched-area"][data-area-id="${areaId}"][data-lapsed="true"]`).waitFor();
    await kh.page.locator(`.watched-area-shape--lapsed[data-watched-area-id="${areaId}"]`).waitFor();
    await item.scrollIntoViewIfNeeded();
    await saveScreenshot(kh.page, 'tasking-watched-area-lapsed');

    await item.getByTestId('watched-area-remove').click();
    await item.waitFor({ state: 'detached' });
    await kh.page.locator(`[data-testid="tasking-alert"][data-area-id="${areaId}"]`).waitFor({ state: 'detached' });
    expect(await kh.page.locator(`[data-watched-area-id="${areaId}"]`).count()).toBe(0);
    expect(problemsOf(kh.page).errors).toEqual([]);
    await kh.context.close();
  });
});
