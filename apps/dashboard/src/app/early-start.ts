import { ApiClient } from '../api/api-client';
import { SessionStore } from '../auth/session-store';
import { loadCountryOutlines } from '../map/basemap';
import { prefetchSnapshot } from '../realtime/snapshot-prefetch';

/**
 * The app's session store and API client, and the work that can start before React renders:
 * opened on an operation's address by a signed-in user, the snapshot request and the map's
 * outlines are on their way at once. Imported first by `app.tsx`, so this runs before the rest
 * of the app's modules are evaluated.
 */
export const sessionStore = new SessionStore();
export const api = new ApiClient({ tokens: sessionStore });

if (typeof window !== 'undefined' && prefetchSnapshot(window.location.pathname, api, sessionStore.getSession() !== null)) {
  loadCountryOutlines().catch(() => undefined);
}
