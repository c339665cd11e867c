import type { LoginResponse, User } from '@lintas/contracts';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { SESSION_STORAGE_KEY, SessionStore } from './session-store';

const user: User = { id: 'u1', email: 'commander@kh-gdi.demo', name: 'Sok Dara', role: 'commander', agency: { id: 'a1', code: 'KH-GDI', name: 'GDI' }, disabled: false };

function loginAnswer(n: number, expiresIn = 900): LoginResponse {
  return { accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn, user };
}

function json(body: unknown, status = 200) {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A fake server: answers sign-in, rotating refresh and a protected `/api/me` that accepts one current token. */
function fakeServer() {
  let issued = 0;
  let current = '';
  const refreshTokens = new Set<string>();
  const calls: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    calls.push(path);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    if (path === '/api/auth/login') {
      if (body.password !== 'right') return json({ statusCode: 401, error: 'Unauthorized', message: 'Invalid e-mail or password' }, 401);
      const answer = loginAnswer(++issued);
      current = answer.accessToken;
      refreshTokens.add(answer.refreshToken);
      return json(answer);
    }
    if (path === '/api/auth/refresh') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (!refreshTokens.delete(body.refreshToken)) return json({ statusCode: 401, error: 'Unauthorized', message: 'The session has ended; sign in again' }, 401);
      const answer = loginAnswer(++issued);
      current = answer.accessToken;
      refreshTokens.add(answer.refreshToken);
      return json(answer);
    }
    if (path === '/api/auth/logout') return new Response(null, { status: 204 });
    if (path === '/api/me') {
      const token = new Headers(init?.headers).get('authorization');
      return token === `Bearer ${current}` ? json(user) : json({ statusCode: 401, error: 'Unauthorized', message: 'expired' }, 401);
    }
    return json({ statusCode: 404, error: 'Not Found', message: 'no route' }, 404);
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    expireAccessToken: () => (current = 'nobody-has-this'),
    forgetRefreshTokens: () => refreshTokens.clear(),
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

describe('SessionStore', () => {
  it('signs in, keeps the session in storage, and a new store (a reload) finds it there', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: server.fetch, locks: null });
    expect(store.getSession()).toBeNull();
    await store.signIn('commander@kh-gdi.demo', 'right');
    expect(store.getUser()?.name).toBe('Sok Dara');
    expect(JSON.parse(storage.getItem(SESSION_STORAGE_KEY)!).refreshToken).toBe('refresh-1');

    const reloaded = new SessionStore({ storage, fetch: server.fetch, locks: null });
    expect(reloaded.getSession()?.accessToken).toBe('access-1');
  });

  it('refuses a wrong password with the server message and stores nothing', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: server.fetch, locks: null });
    await expect(store.signIn('commander@kh-gdi.demo', 'wrong')).rejects.toThrow('Invalid e-mail or password');
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('renews once after a 401, however many requests fail at the same time, and repeats them', async () => {
    const server = fakeServer();
    const store = new SessionStore({ storage: memoryStorage(), fetch: server.fetch, locks: null });
    const api = new ApiClient({ tokens: store, fetch: server.fetch });
    await store.signIn('commander@kh-gdi.demo', 'right');
    server.expireAccessToken();

    const answers = await Promise.all([api.me(), api.me(), api.me(), api.me()]);
    expect(answers.map((answer) => answer.id)).toEqual(['u1', 'u1', 'u1', 'u1']);
    expect(server.calls.filter((path) => path === '/api/auth/refresh')).toHaveLength(1);
    expect(store.getSession()?.refreshToken).toBe('refresh-2');
  });

  it('renews before a request when the access token is about to expire', async () => {
    const server = fakeServer();
    let now = 1_000_000;
    const store = new SessionStore({ storage: memoryStorage(), fetch: server.fetch, locks: null, now: () => now });
    await store.signIn('commander@kh-gdi.demo', 'right');
    now += 890_000; // 10 s left of 900
    expect(await store.accessToken()).toBe('access-2');
    expect(server.calls).toEqual(['/api/auth/login', '/api/auth/refresh']);
  });

  it('ends the session when the server refuses the refresh token, and says why', async () => {
    const server = fakeServer();
    const store = new SessionStore({ storage: memoryStorage(), fetch: server.fetch, locks: null });
    const api = new ApiClient({ tokens: store, fetch: server.fetch });
    const changes = vi.fn();
    store.subscribe(changes);
    await store.signIn('commander@kh-gdi.demo', 'right');
    server.expireAccessToken();
    server.forgetRefreshTokens();

    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(store.getSession()).toBeNull();
    expect(store.getEnd()).toBe('expired');
    expect(changes).toHaveBeenCalledTimes(2); // signed in, ended
  });

  it('keeps the session when the refresh cannot reach the server (a dropped link is not a sign-out)', async () => {
    const server = fakeServer();
    let offline = false;
    const fetch = ((input: RequestInfo | URL, init?: RequestInit) => (offline ? Promise.reject(new TypeError('Failed to fetch')) : server.fetch(input, init))) as typeof globalThis.fetch;
    const store = new SessionStore({ storage: memoryStorage(), fetch, locks: null });
    await store.signIn('commander@kh-gdi.demo', 'right');
    offline = true;
    await expect(store.refresh()).rejects.toBeInstanceOf(ApiError);
    expect(store.getSession()?.refreshToken).toBe('refresh-1');
  });

  it('adopts tokens another tab renewed instead of spending the same refresh token again', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const tabA = new SessionStore({ storage, fetch: server.fetch, locks: null });
    await tabA.signIn('commander@kh-gdi.demo', 'right');
    const tabB = new SessionStore({ storage, fetch: server.fetch, locks: null });
    expect(await tabA.refresh()).toBe('access-2');

    // Tab B still holds refresh-1 in memory; the server would treat it as reuse.
    expect(await tabB.refresh()).toBe('access-2');
    expect(server.calls.filter((path) => path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('signs out: forgets the tokens at once and revokes the refresh token on the server', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    const store = new SessionStore({ storage, fetch: server.fetch, locks: null });
    await store.signIn('commander@kh-gdi.demo', 'right');
    await store.signOut();
    expect(store.getSession()).toBeNull();
    expect(store.getEnd()).toBe('signed-out');
    expect(storage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(server.calls).toContain('/api/auth/logout');
  });
});
