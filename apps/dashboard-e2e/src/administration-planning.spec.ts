import type { BrowserContextOptions, Page } from 'playwright-core';
import { browserSuite, describeInBrowser, newContext, newPage, problemsOf, restSignIn, saveScreenshot, signInContext } from './support';

/** A laptop in the back office or the operations room, and a phone in portrait at a border post. */
const LAPTOP: BrowserContextOptions = { viewport: { width: 1366, height: 860 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, permissions: ['geolocation'] };

const CODE = 'OP-E2E-PLAN';
const FIELD_EMAIL = 'new.field@kh-gdi.demo';
const FIELD_NAME = 'Sok Pisey';
const FIELD_PASSWORD = 'river crossing at dawn 2026';

/**
 * The walk-through, one API and one browser: an administrator sets up an agency and a field
 * account; the account's holder chooses a password; a commander builds an operation from nothing
 * (area drawn on the map, an observer invited, two sites, a team with the new officer), activates
 * it; the officer reports from a phone; the observer's liaison sees the operation appear and only
 * what the markings release; the commander closes it and every screen shows it closed.
 */
describeInBrowser('administration and operation planning in the browser', () => {
  const suite = browserSuite();

  const signedInPage = async (email: string, password: string, options: BrowserContextOptions = LAPTOP): Promise<Page> => {
    const context = await newContext(suite.browser, options);
    await signInContext(context, suite.lintas.baseUrl, email, password);
    return newPage(context);
  };

  it('an administrator sets up an agency and an officer, a commander plans and runs an operation, every screen follows', async () => {
    const base = suite.lintas.baseUrl;
    const demo = suite.lintas.demoPassword;

    // 1. The administrator: a new agency (a taken code is refused next to the field), then a field officer of KH-GDI.
    const admin = await signedInPage('admin@interpol-cu.demo', demo);
    await admin.goto(`${base}/`);
    await admin.getByTestId('admin-link').click();
    await admin.getByTestId('agency-form').waitFor();
    const agencyForm = admin.getByTestId('agency-form');
    await agencyForm.locator('input[name="code"]').fill('KH-GDI');
    await agencyForm.locator('input[name="name"]').fill('Duplicate');
    await agencyForm.getByTestId('agency-save').click();
    await admin.getByTestId('error-agency-code').getByText('KH-GDI').waitFor();
    await agencyForm.locator('input[name="code"]').fill('LA-DIM');
    await agencyForm.locator('input[name="name"]').fill('Department of Immigration, Lao PDR');
    await agencyForm.locator('input[name="country"]').fill('LA');
    await agencyForm.locator('select[name="kind"]').selectOption('immigration');
    await agencyForm.getByTestId('agency-save').click();
    await admin.locator('[data-testid="agencies-table"] tr[data-code="LA-DIM"]').waitFor();
    await saveScreenshot(admin, 'admin-agencies');

    await admin.getByTestId('admin-tab-users').click();
    const userForm = admin.getByTestId('user-form');
    await userForm.locator('input[name="email"]').fill(FIELD_EMAIL);
    await userForm.locator('input[name="name"]').fill(FIELD_NAME);
    await userForm.locator('select[name="role"]').selectOption('field');
    await userForm.locator('select[name="agencyId"]').selectOption({ label: 'KH-GDI — General Department of Immigration, Cambodia' });
    await userForm.getByTestId('user-save').click();
    const link = await admin.getByTestId('set-password-url').inputValue();
    expect(link).toMatch(new RegExp(`^${base}/set-password\\?token=[A-Za-z0-9_-]{40,}$`));
    await admin.locator(`tr[data-email="${FIELD_EMAIL}"] [data-testid="user-state"]`).getByText('Waiting for a password').waitFor();
    await saveScreenshot(admin, 'admin-user-link');
    await admin.getByTestId('set-password-link-done').click();
    expect(await admin.getByTestId('set-password-url').count()).toBe(0);

    // 2. The officer opens the link on a phone, chooses a password (a mismatch is caught first) and signs in.
    const phoneContext = await newContext(suite.browser, { ...PHONE, geolocation: { latitude: 11.07, longitude: 106.14, accuracy: 10 } });
    const phone = await newPage(phoneContext);
    await phone.goto(link);
    await phone.locator('input[name="password"]').fill(FIELD_PASSWORD);
    await phone.locator('input[name="repeat"]').fill('something else entirely');
    await phone.getByTestId('set-password-submit').click();
    await phone.getByTestId('error-set-password-repeat').waitFor();
    await phone.locator('input[name="repeat"]').fill(FIELD_PASSWORD);
    await saveScreenshot(phone, 'set-password-phone');
    await phone.getByTestId('set-password-submit').click();
    await phone.getByTestId('set-password-done').getByText(FIELD_EMAIL).waitFor();
    // The link worked once: opened again it is refused.
    await phone.goto(link);
    await phone.locator('input[name="password"]').fill('another pass phrase here');
    await phone.locator('input[name="repeat"]').fill('another pass phrase here');
    await phone.getByTestId('set-password-submit').click();
    await phone.getByTestId('set-password-error').getByText('not valid any more').waitFor();
    await phone.goto(`${base}/field`);
    await phone.getByTestId('field-sign-in').waitFor();
    await phone.getByLabel('E-mail').fill(FIELD_EMAIL);
    await phone.getByLabel('Password').fill(FIELD_PASSWORD);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.getByTestId('field-page').waitFor();

    // 3. The observer's liaison (ID-DGI) has its operations list open.
    const liaison = await signedInPage('liaison@id-dgi.demo', demo);
    await liaison.goto(`${base}/`);
    await liaison.getByTestId('operations-list').waitFor();
    expect(await liaison.locator(`[data-testid="operation-card"][data-code="${CODE}"]`).count()).toBe(0);

    // 4. The commander builds the operation: fields, the area drawn on the map.
    const commander = await signedInPage('commander@kh-gdi.demo', demo);
    await commander.goto(`${base}/`);
    await commander.getByTestId('new-operation').click();
    await commander.getByTestId('create-operation').waitFor();
    await commander.locator('input[name="code"]').fill(CODE);
    await commander.locator('input[name="name"]').fill('Bavet Night Watch');
    await commander.locator('textarea[name="description"]').fill('Joint watch on the Bavet – Moc Bai crossing against people smuggling');
    await commander.locator('input[name="startsAt"]').fill('2026-12-01T06:00');
    await commander.locator('input[name="endsAt"]').fill('2026-12-14T18:00');
    await commander.getByTestId('draw-area').click();
    const map = (await commander.getByTestId('create-operation-map').boundingBox())!;
    // Around the Cambodia – Viet Nam border, on the map as it opens (the ASEAN region).
    const corners = [
      [0.24, 0.36],
      [0.36, 0.36],
      [0.36, 0.5],
      [0.24, 0.5],
      [0.24, 0.36],
    ];
    for (const [x, y] of corners) {
      await commander.mouse.click(map.x + map.width * x, map.y + map.height * y);
      await commander.waitForTimeout(150);
    }
    await commander.getByTestId('area-state').getByText('Area drawn: 4 corners').waitFor();
    await saveScreenshot(commander, 'plan-create-operation');
    await commander.getByTestId('create-operation-submit').click();
    await commander.getByTestId('planning').waitFor();
    await commander.locator('[data-testid="operation-view"]').waitFor();
    const operationId0 = (await commander.getByTestId('operation-view').getAttribute('data-operation-id'))!;
    const rest0 = await restSignIn(base, 'commander@kh-gdi.demo', demo);

    // Invite ID-DGI as observer: the liaison's list shows the operation at once.
    await commander.getByTestId('invite-agency').selectOption({ label: 'ID-DGI — Directorate General of Immigration, Indonesia' });
    await commander.getByTestId('invite-role').selectOption('observer');
    await commander.getByTestId('invite-submit').click();
    await commander.locator('[data-testid="planning-participants"] li[data-code="ID-DGI"]').waitFor();
    await liaison.locator(`[data-testid="operation-card"][data-code="${CODE}"]`).waitFor();

    // Two border sites, found by name.
    for (const [query, code] of [
      ['Bavet', 'kh-bavet'],
      ['Moc Bai', 'vn-moc-bai'],
    ]) {
      await commander.getByTestId('site-search').fill(query);
      await commander.getByTestId(`attach-${code}`).click();
      await commander.locator(`[data-testid="planning-sites"] li[data-code="${code}"]`).waitFor();
    }

    // The area is changed after creation: one corner dragged on a map of its own, then saved.
    await commander.getByTestId('edit-area').click();
    const dialog = commander.getByTestId('area-dialog');
    await dialog.waitFor();
    const corner = dialog.locator('.marker-icon:not(.marker-icon-middle)').first();
    const from = (await corner.boundingBox())!;
    await commander.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await commander.mouse.down();
    await commander.mouse.move(from.x - 40, from.y - 30, { steps: 5 });
    await commander.mouse.up();
    await saveScreenshot(commander, 'plan-area-edit');
    const areaBefore = await rest0.call<{ area: { coordinates: number[][][] } }>((api) => api.GET('/api/operations/{id}', { params: { path: { id: operationId0 } } }));
    await dialog.getByTestId('area-save').click();
    await dialog.waitFor({ state: 'detached' });
    const areaAfter = await rest0.call<{ area: { coordinates: number[][][] } }>((api) => api.GET('/api/operations/{id}', { params: { path: { id: operationId0 } } }));
    expect(areaAfter.area.coordinates[0]).toHaveLength(5);
    expect(areaAfter.area.coordinates).not.toEqual(areaBefore.area.coordinates);

    // A team with the new officer, who is signed in on the phone.
    await commander.getByTestId('team-call-sign').fill('KH-NIGHT-1');
    await commander.locator(`[data-testid="team-member-option"][data-name="${FIELD_NAME}"]`).check();
    await commander.getByTestId('team-create').click();
    const team = commander.locator('[data-testid="planning-team"][data-call-sign="KH-NIGHT-1"]');
    await team.locator(`li[data-member="${FIELD_NAME}"] [data-testid="member-presence"]`).getByText('signed in').waitFor();

    // Activate, after the confirmation that says what changes.
    await commander.getByTestId('transition-active').click();
    await commander.getByTestId('transition-active-confirm').getByText('Field teams can then post reports').waitFor();
    await commander.getByTestId('transition-active-yes').click();
    await commander.getByTestId('planning-status').getByText('Active').waitFor();
    await saveScreenshot(commander, 'plan-operation-planned');

    // The liaison opens it: read-only, no planning.
    await liaison.locator(`[data-testid="operation-card"][data-code="${CODE}"] a`).click();
    await liaison.locator('[data-testid="operation-view"][data-read-only="true"]').waitFor();
    await liaison.locator('[data-testid="connection"][data-status="live"]').waitFor();
    expect(await liaison.getByTestId('plan-button').count()).toBe(0);

    // A second partner, invited then removed: its open screen loses the operation at once, saying why.
    const partner = await signedInPage('liaison@ph-bi.demo', demo);
    await commander.getByTestId('invite-agency').selectOption({ label: 'PH-BI — Bureau of Immigration, Philippines' });
    await commander.getByTestId('invite-submit').click();
    const phRow = commander.locator('[data-testid="planning-participants"] li[data-code="PH-BI"]');
    await phRow.waitFor();
    await partner.goto(`${base}/operations/${operationId0}`);
    await partner.locator('[data-testid="connection"][data-status="live"]').waitFor();
    await phRow.getByRole('button', { name: 'Remove' }).click();
    await phRow.getByText('Its open screens lose the operation at once').waitFor();
    await phRow.getByRole('button', { name: 'Remove: confirm' }).click();
    await partner.getByTestId('operations-notice').getByText('Your agency no longer takes part in this operation').waitFor();
    expect(await partner.locator(`[data-testid="operation-card"][data-code="${CODE}"]`).count()).toBe(0);
    await saveScreenshot(partner, 'plan-partner-removed');

    // 5. The officer posts an interception (TLP:GREEN) from the phone; the commander adds a TLP:AMBER sitrep.
    await phone.reload();
    await phone.getByTestId('field-team').getByText('KH-NIGHT-1').waitFor();
    await phone.getByTestId('tab-interception').click();
    const form = phone.getByTestId('interception-form');
    await form.getByTestId('kind-smuggling').click();
    await form.getByTestId('count-persons').fill('6');
    await form.getByRole('button', { name: 'KH', exact: true }).click();
    await form.getByTestId('narrative').fill('Six persons in a minivan at the Bavet checkpoint');
    await form.getByTestId('title').fill('E2E plan: minivan at Bavet');
    await form.getByTestId('marking').selectOption('TLP:GREEN');
    await form.getByTestId('submit-report').click();
    await form.getByTestId('form-saved').waitFor();
    await saveScreenshot(phone, 'plan-field-report-phone');
    const operationId = operationId0;
    await rest0.call((api) =>
      api.POST('/api/operations/{operationId}/reports', {
        params: { path: { operationId } },
        body: { clientId: crypto.randomUUID(), kind: 'sitrep', title: 'E2E plan: amber for participants', marking: 'TLP:AMBER', occurredAt: new Date().toISOString() } as never,
      }),
    );

    const timelineHas = (page: Page, text: string) => page.waitForFunction((wanted) => [...document.querySelectorAll('.timeline__item')].some((item) => item.textContent?.includes(wanted)), text);
    await timelineHas(commander, 'E2E plan: amber for participants');
    await timelineHas(liaison, 'E2E plan: minivan at Bavet');
    expect(await liaison.locator('.timeline__item', { hasText: 'E2E plan: amber' }).count()).toBe(0);
    await saveScreenshot(liaison, 'plan-observer-live');

    // 6. The commander, on a tablet now, closes the operation: every screen shows it closed.
    await commander.setViewportSize({ width: 820, height: 1180 });
    await commander.getByTestId('transition-closed').click();
    await commander.getByTestId('transition-closed-confirm').getByText('This is final').waitFor();
    await saveScreenshot(commander, 'plan-close-tablet');
    await commander.getByTestId('transition-closed-yes').click();
    for (const page of [commander, liaison]) await page.locator('.op-bar .status-badge--closed').waitFor();
    expect(await commander.getByTestId('plan-button').count()).toBe(0);
    await saveScreenshot(commander, 'plan-operation-closed');
    await phone.reload();
    await phone.getByTestId('field-closed').waitFor();

    // 7. The operations room's header fits on a phone: sign-out and the theme switch stay on screen.
    const small = await signedInPage('liaison@id-dgi.demo', demo, PHONE);
    await small.goto(`${base}/operations/${operationId}`);
    await small.locator('[data-testid="connection"][data-status="live"]').waitFor();
    for (const id of ['sign-out', 'theme-toggle', 'help-button']) {
      const box = (await small.getByTestId(id).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveScreenshot(small, 'plan-room-header-390');

    // The audit trail has it all, filterable by action.
    await admin.getByTestId('admin-tab-audit').click();
    await admin.getByTestId('audit-action').fill('operation.transition');
    await admin.getByTestId('audit-apply').click();
    await admin.locator('[data-testid="audit-table"] tr[data-action="operation.transition"]').nth(1).waitFor();
    await saveScreenshot(admin, 'admin-audit');

    // The refusals the walk-through asked for (a taken agency code, a used link) are the only failed requests.
    const refused = (status: string) => [`console: Failed to load resource: the server responded with a status of ${status}`];
    expect(problemsOf(admin)).toEqual({ errors: refused('409 (Conflict)'), offMachineRequests: [] });
    expect(problemsOf(phone)).toEqual({ errors: refused('400 (Bad Request)'), offMachineRequests: [] });
    for (const page of [liaison, commander, small, partner]) expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
  }, 300_000);
});
