import type { SessionResponse, User } from '@lintas/contracts';
// Without zod: this runs in the early start, before the schemas are wanted (see app/early-start.ts).
import { CSRF_HEADER } from '@lintas/contracts/plain';
import type { AccessTokens } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { type Fetch, requestJson } from '../api/http';

/**
 * A signed-in session as this tab holds it. The access token lives in memory only; the refresh
 * token is an HttpOnly cookie the page never sees (the API sets it on sign-in and rotates it on
 * each refresh).
 */
export interface Session {
  /** Null after a reload (or when another tab signed in) until the first refresh by cookie. */
  accessToken: string | null;
  /** Epoch milliseconds when the access token expires (as the server told, on this clock); 0 without one. */
  accessExpiresAt: number;
  user: User;
}

/** Why there is no session: never signed in, signed out on purpose, or the server ended it. */
export type SessionEnd = 'none' | 'signed-out' | 'expired';

/**
 * Who is signed in on this browser: the user only, never a token. It lets a reload (even offline:
 * the field page with its outbox) open as signed in at once, and tells the other tabs (storage
 * event) when someone signs in or out.
 */
export const SESSION_STORAGE_KEY = 'lintas.signed-in-user';
/** Where earlier versions kept both tokens: removed on sight. */
const LEGACY_TOKEN_KEY = 'lintas.session';
/** A sign-out whose request could not reach the server: sent again on the next start. */
const LOGOUT_PENDING_KEY = 'lintas.sign-out-pending';
/** Renew the access token this long before it expires, so requests and socket handshakes never carry a dying one. */
const RENEW_BEFORE_MS = 30_000;
/** What the cookie routes require besides the cookie: the API refuses them without it (CSRF). */
const COOKIE_ROUTE = { headers: { [CSRF_HEADER]: '1' }, credentials: 'same-origin' as const };

type Listener = () => void;
type LockManagerLike = { request<T>(name: string, callback: () => Promise<T>): Promise<T> };

export interface SessionStoreOptions {
  /** localStorage in the browser: who is signed in (no token), shared by the tabs of this browser. */
  storage?: Storage | null;
  fetch?: Fetch;
  now?: () => number;
  /**
   * Web Locks, so the tabs of one browser refresh one at a time (each with the cookie the last
   * one got). Where there are none (plain HTTP is not a secure context), the API's short grace for
   * a just-rotated token keeps two simultaneous refreshes from ending the sign-in.
   */
  locks?: LockManagerLike | null;
}

/**
 * The one owner of the access token. It signs in and out, renews the access token by cookie
 * before it expires and after a 401 — one refresh in flight however many requests ask, and one at
 * a time across tabs — and tells subscribers (React, the socket) when the session changes. A
 * network failure during a refresh keeps the session (a field link drops often); only the server
 * refusing the refresh ends it.
 */
export class SessionStore implements AccessTokens {
  private session: Session | null;
  private ended: SessionEnd = 'none';
  /** Bumped by every sign-in and sign-out: a refresh answer for an older one is dropped. */
  private generation = 0;
  private readonly listeners = new Set<Listener>();
  private inFlight: Promise<string | null> | null = null;
  private readonly storage: Storage | null;
  private readonly doFetch: Fetch;
  private readonly now: () => number;
  private readonly locks: LockManagerLike | null;

  constructor(options: SessionStoreOptions = {}) {
    this.storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? Date.now;
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    this.forget(LEGACY_TOKEN_KEY);
    const user = this.readUser();
    this.session = user ? { accessToken: null, accessExpiresAt: 0, user } : null;
    if (!user && this.storage?.getItem(LOGOUT_PENDING_KEY)) void this.sendLogout();
  }

  getSession(): Session | null {
    return this.session;
  }

  getUser(): User | null {
    return this.session?.user ?? null;
  }

  /** Why the last session ended (for the sign-in page's message). */
  getEnd(): SessionEnd {
    return this.ended;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The API puts the refresh token into its HttpOnly cookie; this tab keeps the access token. */
  async signIn(email: string, password: string): Promise<User> {
    const answer = await requestJson<SessionResponse>(this.doFetch, {
      method: 'POST',
      path: '/api/auth/login',
      body: { email, password, tokenDelivery: 'cookie' },
      ...COOKIE_ROUTE,
    });
    this.forget(LOGOUT_PENDING_KEY);
    this.generation++;
    this.set(this.fromAnswer(answer));
    return answer.user;
  }

  /**
   * After a reload: gets an access token with the cookie, so a sign-in that ended meanwhile shows
   * the sign-in page at once rather than at the first refused request. Offline, the session stays.
   */
  async resume(): Promise<void> {
    if (!this.session || this.session.accessToken) return;
    await this.refresh().catch(() => undefined);
  }

  /** Ends the session here at once (and in the other tabs); tells the server, which revokes the sign-in and clears the cookie. */
  async signOut(): Promise<void> {
    const had = this.session !== null;
    this.generation++;
    this.set(null, 'signed-out');
    if (had) await this.sendLogout();
  }

  /** The server ended the session (a refused refresh, a revoked account): forget it. */
  endSession(): void {
    if (!this.session) return;
    this.generation++;
    this.set(null, 'expired');
  }

  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.accessToken && session.accessExpiresAt - this.now() > RENEW_BEFORE_MS) return session.accessToken;
    try {
      return await this.refresh();
    } catch (error) {
      // Offline: an old token may still be accepted for a while; let the request decide. With
      // none (a reload with no link), the caller gets the network failure, not "sign in".
      const held = this.session?.accessToken;
      if (error instanceof ApiError && error.status === 0 && held) return held;
      throw error;
    }
  }

  async renewAfterUnauthorized(refused: string): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.accessToken && session.accessToken !== refused) return session.accessToken; // someone renewed it meanwhile
    return this.refresh();
  }

  /** Renews the access token by cookie; concurrent callers share one request. Answers the new token, or null when the session ended. */
  refresh(): Promise<string | null> {
    this.inFlight ??= this.refreshOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async refreshOnce(): Promise<string | null> {
    const run = async (): Promise<string | null> => {
      const generation = this.generation;
      if (!this.session) return null; // signed out (here or in another tab) while waiting for the lock
      try {
        const answer = await requestJson<SessionResponse>(this.doFetch, { method: 'POST', path: '/api/auth/refresh', ...COOKIE_ROUTE });
        if (generation !== this.generation) return this.session?.accessToken ?? null; // signed out or in again meanwhile
        this.set(this.fromAnswer(answer));
        return answer.accessToken;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 400) && generation === this.generation) {
          this.generation++;
          this.set(null, 'expired');
          return null;
        }
        throw error;
      }
    };
    return this.locks ? this.locks.request('lintas.session.refresh', run) : run();
  }

  /** The signed-in user as the server now has it (after a change of their own preferences). */
  updateUser(user: User): void {
    if (this.session?.user.id !== user.id) return;
    this.set({ ...this.session, user });
  }

  /** Another tab signed in or out (storage event): follow it. */
  syncFromStorage(): void {
    const user = this.readUser();
    if (user?.id === this.session?.user.id) return;
    this.generation++;
    // Signed in as someone (else) over there: this tab gets its own access token with the cookie on first use.
    this.session = user ? { accessToken: null, accessExpiresAt: 0, user } : null;
    this.ended = user ? 'none' : 'signed-out';
    this.emit();
  }

  private async sendLogout(): Promise<void> {
    try {
      await requestJson(this.doFetch, { method: 'POST', path: '/api/auth/logout', ...COOKIE_ROUTE });
      this.forget(LOGOUT_PENDING_KEY);
    } catch (error) {
      // Unreachable: the cookie still holds a live refresh token; ask again on the next start.
      if (error instanceof ApiError && error.status === 0) this.remember(LOGOUT_PENDING_KEY, '1');
      else this.forget(LOGOUT_PENDING_KEY);
    }
  }

  private fromAnswer(answer: SessionResponse): Session {
    return { accessToken: answer.accessToken, accessExpiresAt: this.now() + answer.expiresIn * 1000, user: answer.user };
  }

  private set(session: Session | null, end?: SessionEnd): void {
    this.session = session;
    if (end) this.ended = end;
    else if (session) this.ended = 'none';
    if (session) this.remember(SESSION_STORAGE_KEY, JSON.stringify(session.user));
    else this.forget(SESSION_STORAGE_KEY);
    this.emit();
  }

  private readUser(): User | null {
    try {
      const raw = this.storage?.getItem(SESSION_STORAGE_KEY);
      if (!raw) return null;
      const user = JSON.parse(raw) as Partial<User>;
      return typeof user.id === 'string' && typeof user.role === 'string' && user.agency?.id ? (user as User) : null;
    } catch {
      return null;
    }
  }

  private remember(key: string, value: string): void {
    try {
      // Unchanged values are not written again: every write wakes the other tabs (storage event).
      if (this.storage?.getItem(key) !== value) this.storage?.setItem(key, value);
    } catch {
      // Storage full or blocked: the session still works until the page is closed.
    }
  }

  private forget(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // Blocked storage: nothing was kept there either.
    }
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function defaultLocks(): LockManagerLike | null {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManagerLike }).locks;
  return locks ?? null;
}
