import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { RunningLintas } from '@lintas/testing';
import { newContext, newPage } from './browser';

/**
 * A new context whose page signed in through the sign-in form with the demo password, as a person
 * does, and shows the operations list. (`signInContext` signs in without the form, for tests whose
 * subject is not the sign-in.)
 */
export async function signedInThroughForm(
  suite: { readonly lintas: RunningLintas; readonly browser: Browser },
  email: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(suite.browser, options);
  const page = await newPage(context);
  await page.goto(`${suite.lintas.baseUrl}/`);
  await page.getByTestId('sign-in-form').waitFor();
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(suite.lintas.demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('operations-list').waitFor();
  return { context, page };
}
