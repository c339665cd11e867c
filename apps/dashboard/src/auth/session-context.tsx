import type { User, UserRole } from '@lintas/contracts';
import { createContext, type ReactNode, useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiClient } from '../api/api-client';
import type { Fetch } from '../api/http';
import { SESSION_STORAGE_KEY, type Session, SessionStore } from './session-store';

interface SessionServices {
  store: SessionStore;
  api: ApiClient;
}

const SessionContext = createContext<SessionServices | null>(null);

/** Creates the app's session store and API client (or takes the ones given) and shares them. */
export function SessionProvider({ children, store, api, fetch: doFetch }: { children: ReactNode; store?: SessionStore; api?: ApiClient; fetch?: Fetch }) {
  const services = useMemo<SessionServices>(() => {
    const sessionStore = store ?? new SessionStore({ fetch: doFetch });
    return { store: sessionStore, api: api ?? new ApiClient({ tokens: sessionStore, fetch: doFetch }) };
  }, [store, api, doFetch]);

  // After a reload the access token is gone (it lives in memory only): get one with the cookie.
  // Another tab signed in or out: follow it.
  useEffect(() => {
    void services.store.resume();
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || event.key === SESSION_STORAGE_KEY) services.store.syncFromStorage();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [services]);

  return <SessionContext.Provider value={services}>{children}</SessionContext.Provider>;
}

function useServices(): SessionServices {
  const services = useContext(SessionContext);
  if (!services) throw new Error('render inside <SessionProvider>');
  return services;
}

export function useSessionStore(): SessionStore {
  return useServices().store;
}

/** The typed REST client, authenticated as the signed-in user. */
export function useApi(): ApiClient {
  return useServices().api;
}

/** The current session (re-renders when it changes), or null when signed out. */
export function useSession(): Session | null {
  const { store } = useServices();
  return useSyncExternalStore(store.subscribe, () => store.getSession());
}

/** The signed-in user; only inside `<RequireSession>`. */
export function useUser(): User {
  const session = useSession();
  if (!session) throw new Error('useUser: render inside <RequireSession>');
  return session.user;
}

/** Where the sign-in page sends the user back to, e.g. `/sign-in?next=%2Ffield`. */
export function signInPath(next?: string): string {
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/**
 * Renders its children for a signed-in user (of one of `roles`, when given); otherwise sends the
 * browser to the sign-in page, which brings it back here afterwards.
 */
export function RequireSession({ children, roles }: { children: ReactNode; roles?: readonly UserRole[] }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (roles && !roles.includes(session.user.role)) return <Navigate to={homePathFor(session.user)} replace />;
  return <>{children}</>;
}

/** The first page after sign-in: field officers to the field page, everyone else to the operations list. */
export function homePathFor(user: Pick<User, 'role'>): string {
  return user.role === 'field' ? '/field' : '/';
}

/** A `next` parameter is followed only when it is a path on this site (never `//evil.example` or a URL). */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.startsWith('/sign-in')) return null;
  return next;
}
