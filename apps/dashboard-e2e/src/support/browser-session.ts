import type { BrowserContext } from 'playwright-core';

/** The refresh cookie and the key of "who is signed in" (no token) that the dashboard keeps. */
export const REFRESH_COOKIE = 'lintas_refresh';
export const SIGNED_IN_USER_KEY = 'lintas.signed-in-user';

/**
 * Signs a browser context in without the form, for tests and benchmarks whose subject is not the
 * sign-in. A page of the context (on a light same-origin address, not the app) calls the API as
 * the dashboard does, so the HttpOnly refresh cookie lands in the jar exactly as the server set it;
 * "who is signed in" goes into localStorage. The app then gets its access token with the cookie on load.
 */
export async function signInContext(context: BrowserContext, baseUrl: string, email: string, password: string): Promise<{ user: { id: string } }> {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/api/health`);
    const answer = await page.evaluate(
      async ([address, secret, key]) => {
        const response = await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-lintas-csrf': '1' },
          body: JSON.stringify({ email: address, password: secret, tokenDelivery: 'cookie' }),
        });
        const text = await response.text();
        if (!response.ok) return { error: `${response.status}: ${text}` };
        const body = JSON.parse(text) as { user: { id: string } };
        localStorage.setItem(key, JSON.stringify(body.user));
        return { user: body.user };
      },
      [email, password, SIGNED_IN_USER_KEY] as const,
    );
    if ('error' in answer) throw new Error(`sign-in of ${email} answered ${answer.error}`);
    return { user: answer.user! };
  } finally {
    await page.close();
  }
}
