import type { SessionResponse, User } from '@lintas/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { SESSION_STORAGE_KEY, SessionStore } from './session-store';

const user: User = {
  id: 'u1',
  email: 'commander@kh-gdi.demo',
  name: 'Sok Dara',
  role: 'commander',
  agency: { id: 'a1', code: 'KH-GDI', name: 'GDI' },
  disabled: false,
  passwordSet: true,
  signedIn: true,
  preferences: { language: null, timeDisplay: 'local' },
};

function json(body: unknown, status = 200) {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const unauthorized = (message: string) => json({ statusCode: 401, error: 'Unauthorized', message }, 401);

/**
 * A fake server and the browser's cookie jar: sign-in sets the refresh cookie, a refresh needs the
 * cookie and the CSRF header and rotates it strictly (a spent token is refused), `/api/me`
 * accepts the one current access token. Every store made with `fetch` is a tab of one browser.
 */
function fakeBrowser() {
  let issued = 0;
  let current = '';
  let jar: string | null = null;
  const live = new Set<string>();
  const calls: { path: string; csrf: string | null; body: unknown; credentials?: RequestCredentials }[] = [];
  let offline = false;
  const issue = (): SessionResponse => {
    issued++;
    current = `access-${issued}`;
    jar = `refresh-${issued}`;
    live.add(jar);
    return { accessToken: current, expiresIn: 900, user };
  };
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (offline) throw new TypeError('Failed to fetch');
    const path = String(input);
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path, csrf: headers.get('x-lintas-csrf'), body, credentials: init?.credentials });
    if (path === '/api/auth/login') {
      if (body.password !== 'right') return unauthorized('Invalid e-mail or password');
      return json(issue());
    }
    if (path === '/api/auth/refresh') {
      if (headers.get('x-lintas-csrf') !== '1') return json({ statusCode: 403, error: 'Forbidden', message: 'CSRF header missing' }, 403);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const sent = jar;
      if (!sent || !live.delete(sent)) {
        live.clear(); // reuse: the whole sign-in ends
        jar = null;
        return unauthorized('The session has ended; sign in again');
      }
      return json(issue());
    }
    if (path === '/api/auth/logout') {
      if (headers.get('x-lintas-csrf') !== '1') return json({ statusCode: 403, error: 'Forbidden', message: 'CSRF header missing' }, 403);
      live.clear();
      jar = null;
      return new Response(null, { status: 204 });
    }
    if (path === '/api/me') {
      return headers.get('authorization') === `Bearer ${current}` ? json(user) : unauthorized('expired');
    }
    return json({ statusCode: 404, error: 'Not Found', message: 'no route' }, 404);
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    paths: () => calls.map((call) => call.path),
    cookie: () => jar,
    setOffline: (value: boolean) => (offline = value),
    expireAccessToken: () => (current = 'nobody-has-this'),
    endSignIn: () => live.clear(),
  };
}

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

/** Web Locks as the browser gives them: one holder of a name at a time, across tabs. */
function sharedLocks() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request<T>(_name: string, callback: () => Promise<T>): Promise<T> {
      const run = tail.then(callback, callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

function everything(storage: Storage): string {
  return [...Array(storage.length).keys()].map((index) => `${storage.key(index)}=${storage.getItem(storage.key(index)!)}`).join('\n');
}

describe('SessionStore', () => {
  it('signs in by cookie: the access token stays in memory, storage keeps only who is signed in', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    expect(store.getSession()).toBeNull();
    await store.signIn('commander@kh-gdi.demo', 'right');
    expect(store.getSession()?.accessToken).toBe('access-1');
    expect(browser.calls[0]).toMatchObject({ path: '/api/auth/login', csrf: '1', credentials: 'same-origin', body: { tokenDelivery: 'cookie' } });
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY)!)).toEqual(user);
    expect(everything(storage)).not.toMatch(/access-|refresh-|token/i);
  });

  it('survives a reload: a new store opens as signed in at once and gets its access token with the cookie', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    await new SessionStore({ storage, fetch: browser.fetch, locks: null }).signIn('commander@kh-gdi.demo', 'right');

    const reloaded = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    expect(reloaded.getSession()).toEqual({ accessToken: null, accessExpiresAt: 0, user });
    await reloaded.resume();
    expect(reloaded.getSession()?.accessToken).toBe('access-2');
    expect(browser.calls[1]).toMatchObject({ path: '/api/auth/refresh', csrf: '1', credentials: 'same-origin', body: undefined });
    expect(browser.cookie()).toBe('refresh-2');
  });

  it('removes the tokens an earlier version kept in localStorage', () => {
    const storage = memoryStorage();
    storage.setItem('lintas.session', JSON.stringify({ accessToken: 'a', refreshToken: 'r', accessExpiresAt: 1, user }));
    new SessionStore({ storage, fetch: fakeBrowser().fetch, locks: null });
    expect(storage.getItem('lintas.session')).toBeNull();
  });

  it('refuses a wrong password with the server message and stores nothing', async () => {
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: fakeBrowser().fetch, locks: null });
    await expect(store.signIn('commander@kh-gdi.demo', 'wrong')).rejects.toThrow('Invalid e-mail or password');
    expect(storage.length).toBe(0);
  });

  it('renews once after a 401, however many requests fail at the same time, and repeats them', async () => {
    const browser = fakeBrowser();
    const store = new SessionStore({ storage: memoryStorage(), fetch: browser.fetch, locks: null });
    const api = new ApiClient({ tokens: store, fetch: browser.fetch });
    await store.signIn('commander@kh-gdi.demo', 'right');
    browser.expireAccessToken();

    const answers = await Promise.all([api.me(), api.me(), api.me(), api.me()]);
    expect(answers.map((answer) => answer.id)).toEqual(['u1', 'u1', 'u1', 'u1']);
    expect(browser.paths().filter((path) => path === '/api/auth/refresh')).toHaveLength(1);
    expect(store.getSession()?.accessToken).toBe('access-2');
  });

  it('renews before a request when the access token is about to expire', async () => {
    const browser = fakeBrowser();
    let now = 1_000_000;
    const store = new SessionStore({ storage: memoryStorage(), fetch: browser.fetch, locks: null, now: () => now });
    await store.signIn('commander@kh-gdi.demo', 'right');
    now += 890_000; // 10 s left of 900
    expect(await store.accessToken()).toBe('access-2');
    expect(browser.paths()).toEqual(['/api/auth/login', '/api/auth/refresh']);
  });

  it('ends the session when the server refuses the refresh, says why, and forgets who was signed in', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    const api = new ApiClient({ tokens: store, fetch: browser.fetch });
    const changes = vi.fn();
    store.subscribe(changes);
    await store.signIn('commander@kh-gdi.demo', 'right');
    browser.expireAccessToken();
    browser.endSignIn();

    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(store.getSession()).toBeNull();
    expect(store.getEnd()).toBe('expired');
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(changes).toHaveBeenCalledTimes(2); // signed in, ended
  });

  it('keeps the session when the refresh cannot reach the server (a dropped link is not a sign-out)', async () => {
    const browser = fakeBrowser();
    const store = new SessionStore({ storage: memoryStorage(), fetch: browser.fetch, locks: null });
    await store.signIn('commander@kh-gdi.demo', 'right');
    browser.setOffline(true);
    await expect(store.refresh()).rejects.toBeInstanceOf(ApiError);
    expect(store.getSession()?.accessToken).toBe('access-1');
  });

  it('reloaded offline: stays signed in, requests fail as "unreachable" (not "sign in"), and work once the link is back', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    await new SessionStore({ storage, fetch: browser.fetch, locks: null }).signIn('commander@kh-gdi.demo', 'right');
    browser.setOffline(true);
    const reloaded = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    const api = new ApiClient({ tokens: reloaded, fetch: browser.fetch });
    await reloaded.resume();
    expect(reloaded.getSession()?.user.id).toBe('u1');
    await expect(api.me()).rejects.toMatchObject({ status: 0 });

    browser.setOffline(false);
    expect((await api.me()).id).toBe('u1');
  });

  it('two tabs refreshing at once take turns (Web Locks), each with the cookie the other left: nobody is signed out', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    const locks = sharedLocks();
    const tabA = new SessionStore({ storage, fetch: browser.fetch, locks });
    await tabA.signIn('commander@kh-gdi.demo', 'right');
    const tabB = new SessionStore({ storage, fetch: browser.fetch, locks });

    const [a, b] = await Promise.all([tabA.refresh(), tabB.refresh()]);
    expect([a, b].sort()).toEqual(['access-2', 'access-3']);
    expect(tabA.getSession()).not.toBeNull();
    expect(tabB.getSession()).not.toBeNull();
  });

  it('follows another tab: its sign-out ends this one, its sign-in opens this one (which gets its own access token)', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    const tabA = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    const tabB = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    await tabA.signIn('commander@kh-gdi.demo', 'right');
    tabB.syncFromStorage(); // the storage event
    expect(tabB.getSession()).toEqual({ accessToken: null, accessExpiresAt: 0, user });
    expect(await tabB.accessToken()).toBe('access-2');

    await tabA.signOut();
    tabB.syncFromStorage();
    expect(tabB.getSession()).toBeNull();
    expect(tabB.getEnd()).toBe('signed-out');
  });

  it('signs out: forgets the session at once and has the server revoke the sign-in and clear the cookie', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    await store.signIn('commander@kh-gdi.demo', 'right');
    await store.signOut();
    expect(store.getSession()).toBeNull();
    expect(store.getEnd()).toBe('signed-out');
    expect(storage.length).toBe(0);
    expect(browser.calls.at(-1)).toMatchObject({ path: '/api/auth/logout', csrf: '1', body: undefined });
    expect(browser.cookie()).toBeNull();
  });

  it('a sign-out made offline is sent again on the next start, so the cookie does not stay live', async () => {
    const browser = fakeBrowser();
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: browser.fetch, locks: null });
    await store.signIn('commander@kh-gdi.demo', 'right');
    browser.setOffline(true);
    await store.signOut();
    expect(browser.cookie()).toBe('refresh-1');

    browser.setOffline(false);
    new SessionStore({ storage, fetch: browser.fetch, locks: null });
    await vi.waitFor(() => expect(storage.length).toBe(0));
    expect(browser.cookie()).toBeNull();
  });

  it('drops a refresh answer that arrives after the user signed out', async () => {
    const browser = fakeBrowser();
    const store = new SessionStore({ storage: memoryStorage(), fetch: browser.fetch, locks: null });
    await store.signIn('commander@kh-gdi.demo', 'right');
    const renewing = store.refresh();
    await store.signOut();
    await renewing.catch(() => undefined);
    expect(store.getSession()).toBeNull();
  });
});
