import { ApiClient } from '../api/api-client';
import { SessionStore } from '../auth/session-store';
import { loadCountryOutlines } from '../map/basemap';
import { prefetchSnapshot } from '../realtime/snapshot-prefetch';
import { fetchClientConfigEarly } from './client-config-early';

/**
 * The app's session store and API client, and the work that can start before React renders:
 * opened on an operation's address by a signed-in user, the snapshot request, the map's outlines,
 * the client configuration and the map's code are on their way at once. Imported first by
 * `app.tsx` (and by `main.tsx` alongside it), so this runs before the rest of the app's modules
 * are evaluated.
 */
export const sessionStore = new SessionStore();
export const api = new ApiClient({ tokens: sessionStore });

if (typeof window !== 'undefined' && prefetchSnapshot(window.location.pathname, api, sessionStore.getSession() !== null)) {
  // Everything else the first picture of the map waits for, in parallel with the snapshot: the
  // configuration (which basemap), the outlines, and the vector basemap's code (with Leaflet).
  void fetchClientConfigEarly();
  loadCountryOutlines().catch(() => undefined);
  import('../map/vector-tiles').catch(() => undefined);
}
