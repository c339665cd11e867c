import type { LoginResponse, User } from '@lintas/contracts';
import type { AccessTokens } from '../api/api-client';
import { ApiError } from '../api/api-error';
import { type Fetch, requestJson } from '../api/http';

/** A signed-in session as kept in storage. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the access token expires (as the server told, on this clock). */
  accessExpiresAt: number;
  user: User;
}

/** Why there is no session: never signed in, signed out on purpose, or the server ended it. */
export type SessionEnd = 'none' | 'signed-out' | 'expired';

export const SESSION_STORAGE_KEY = 'lintas.session';
/** Renew the access token this long before it expires, so requests and socket handshakes never carry a dying one. */
const RENEW_BEFORE_MS = 30_000;

type Listener = () => void;
type LockManagerLike = { request<T>(name: string, callback: () => Promise<T>): Promise<T> };

export interface SessionStoreOptions {
  /** localStorage in the browser: the session survives a reload and is shared by the tabs of this browser. */
  storage?: Storage | null;
  fetch?: Fetch;
  now?: () => number;
  /** Web Locks, so two tabs never spend the same refresh token (the server would revoke the whole session). */
  locks?: LockManagerLike | null;
}

/**
 * The one owner of the tokens. It signs in and out, keeps the session in storage, renews the
 * access token before it expires and after a 401 — one refresh in flight however many requests
 * ask, and one across tabs — and tells subscribers (React, the socket) when the session changes.
 * A network failure during a refresh keeps the session (a field link drops often); only the
 * server refusing the refresh token ends it.
 */
export class SessionStore implements AccessTokens {
  private session: Session | null;
  private ended: SessionEnd = 'none';
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
    this.session = this.read();
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

  async signIn(email: string, password: string): Promise<User> {
    const answer = await requestJson<LoginResponse>(this.doFetch, { method: 'POST', path: '/api/auth/login', body: { email, password } });
    this.set(this.fromAnswer(answer));
    return answer.user;
  }

  /** Ends the session here at once; tells the server (revoking the refresh token) when it can. */
  async signOut(): Promise<void> {
    const session = this.session;
    this.set(null, 'signed-out');
    if (!session) return;
    try {
      await requestJson(this.doFetch, { method: 'POST', path: '/api/auth/logout', body: { refreshToken: session.refreshToken }, token: session.accessToken });
    } catch {
      // Unreachable or already ended: the tokens are gone from this browser either way.
    }
  }

  /** The server ended the session (a refused refresh, a revoked account): forget it. */
  endSession(): void {
    if (this.session) this.set(null, 'expired');
  }

  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.accessExpiresAt - this.now() > RENEW_BEFORE_MS) return session.accessToken;
    try {
      return await this.refresh();
    } catch (error) {
      // Offline: the old token may still be accepted for a while; let the request decide.
      if (error instanceof ApiError && error.status === 0) return this.session?.accessToken ?? null;
      throw error;
    }
  }

  async renewAfterUnauthorized(refused: string): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.accessToken !== refused) return session.accessToken; // someone renewed it meanwhile
    return this.refresh();
  }

  /** Renews the tokens; concurrent callers share one request. Answers the new access token, or null when the session ended. */
  refresh(): Promise<string | null> {
    this.inFlight ??= this.refreshOnce().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async refreshOnce(): Promise<string | null> {
    const run = async (): Promise<string | null> => {
      const spent = this.session;
      // Another tab may have renewed (or ended) the session while this one waited for the lock.
      const stored = this.read();
      if (!stored) {
        if (spent) this.set(null, 'expired');
        return null;
      }
      if (spent && stored.refreshToken !== spent.refreshToken) {
        this.set(stored);
        return stored.accessToken;
      }
      try {
        const answer = await requestJson<LoginResponse>(this.doFetch, { method: 'POST', path: '/api/auth/refresh', body: { refreshToken: stored.refreshToken } });
        this.set(this.fromAnswer(answer));
        return answer.accessToken;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 400)) {
          this.set(null, 'expired');
          return null;
        }
        throw error;
      }
    };
    return this.locks ? this.locks.request('lintas.session.refresh', run) : run();
  }

  /** Another tab wrote the session (storage event): follow it. */
  syncFromStorage(): void {
    const stored = this.read();
    if (stored?.refreshToken === this.session?.refreshToken && stored?.accessToken === this.session?.accessToken) return;
    this.session = stored;
    if (!stored) this.ended = 'signed-out';
    this.emit();
  }

  private fromAnswer(answer: LoginResponse): Session {
    return {
      accessToken: answer.accessToken,
      refreshToken: answer.refreshToken,
      accessExpiresAt: this.now() + answer.expiresIn * 1000,
      user: answer.user,
    };
  }

  private set(session: Session | null, end?: SessionEnd): void {
    this.session = session;
    if (end) this.ended = end;
    else if (session) this.ended = 'none';
    try {
      if (session) this.storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      else this.storage?.removeItem(SESSION_STORAGE_KEY);
    } catch {
      // Storage full or blocked: the session still works until the page is closed.
    }
    this.emit();
  }

  private read(): Session | null {
    try {
      const raw = this.storage?.getItem(SESSION_STORAGE_KEY);
      if (!raw) return null;
      const value = JSON.parse(raw) as Partial<Session>;
      if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string' || typeof value.accessExpiresAt !== 'number' || !value.user?.id) {
        return null;
      }
      return value as Session;
    } catch {
      return null;
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
