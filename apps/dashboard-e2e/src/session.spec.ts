import type { Page } from 'playwright-core';
import {
  describeInBrowser,
  newContext,
  newPage,
  problemsOf,
  REFRESH_COOKIE,
  saveScreenshot,
  signInContext,
  browserSuite,
} from './support';

/** Everything a script of the page can read: both storages and `document.cookie`. */
function readableByScripts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (storage: Storage) => [...Array(storage.length).keys()].map((i) => `${storage.key(i)}=${storage.getItem(storage.key(i)!)}`);
    return [...dump(localStorage), ...dump(sessionStorage), `cookie=${document.cookie}`].join('\n');
  });
}

describeInBrowser('sign-in: tokens out of reach of scripts', () => {
  const suite = browserSuite();

  it('stays signed in across a reload and in a second tab, with no token in storage, and signs out every tab', async () => {
    const context = await newContext(suite.browser);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/`);
    await page.getByTestId('sign-in-form').waitFor();
    await page.getByLabel('E-mail').fill('commander@kh-gdi.demo');
    await page.getByLabel('Password').fill(suite.lintas.demoPassword);
    const login = page.waitForResponse((response) => response.url().endsWith('/api/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    const { accessToken } = (await (await login).json()) as { accessToken: string };
    await page.getByTestId('operations-list').waitFor();

    // The refresh token is an HttpOnly, SameSite=Strict cookie on /api/auth only.
    const cookies = await context.cookies(suite.lintas.baseUrl + '/api/auth/refresh');
    const refresh = cookies.find((cookie) => cookie.name === REFRESH_COOKIE);
    expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect((await context.cookies(suite.lintas.baseUrl + '/')).map((cookie) => cookie.name)).not.toContain(REFRESH_COOKIE);

    // Nothing a script can read holds either token.
    const readable = await readableByScripts(page);
    expect(readable).not.toContain(accessToken);
    expect(readable).not.toContain(refresh!.value);
    expect(readable).not.toContain(REFRESH_COOKIE);

    // A reload: still signed in, with a new access token fetched with the cookie.
    const refreshed = page.waitForResponse((response) => response.url().endsWith('/api/auth/refresh'));
    await page.reload();
    expect((await refreshed).status()).toBe(200);
    await page.getByTestId('operations-list').waitFor();
    expect(await page.getByTestId('sign-in-form').count()).toBe(0);
    const afterReload = await readableByScripts(page);
    expect(afterReload).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT anywhere
    const rotated = (await context.cookies(suite.lintas.baseUrl + '/api/auth/refresh')).find((cookie) => cookie.name === REFRESH_COOKIE)!;
    expect(rotated.value).not.toBe(refresh!.value);
    expect(afterReload).not.toContain(rotated.value);

    // A second tab is signed in too; both tabs keep working (neither refresh ended the sign-in).
    const second = await newPage(context);
    await second.goto(`${suite.lintas.baseUrl}/`);
    await second.getByTestId('operations-list').waitFor();
    expect(await readableByScripts(second)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    // Both tabs reloaded at the same moment each refresh with the one cookie: neither is signed out.
    await Promise.all([page.reload(), second.reload()]);
    await Promise.all([page, second].map((tab) => tab.getByTestId('operations-list').waitFor()));
    await saveScreenshot(second, 'session-second-tab');

    // Signing out in one tab signs out the other, and the cookie is gone.
    const loggedOut = page.waitForResponse((response) => response.url().endsWith('/api/auth/logout'));
    await page.getByTestId('sign-out').click();
    expect((await loggedOut).status()).toBe(204);
    await page.getByTestId('sign-in-form').waitFor();
    await second.getByTestId('sign-in-form').waitFor();
    expect((await context.cookies(suite.lintas.baseUrl + '/api/auth/refresh')).map((cookie) => cookie.name)).not.toContain(REFRESH_COOKIE);
    await page.reload();
    await page.getByTestId('sign-in-form').waitFor();

    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    expect(problemsOf(second)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });

  it('signInContext (for tests whose subject is not the sign-in) opens the app signed in, by cookie', async () => {
    const context = await newContext(suite.browser);
    await signInContext(context, suite.lintas.baseUrl, 'liaison@interpol-cu.demo', suite.lintas.demoPassword);
    const page = await newPage(context);
    await page.goto(`${suite.lintas.baseUrl}/`);
    await page.getByTestId('operations-list').waitFor();
    expect(await readableByScripts(page)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(problemsOf(page)).toEqual({ errors: [], offMachineRequests: [] });
    await context.close();
  });
});
