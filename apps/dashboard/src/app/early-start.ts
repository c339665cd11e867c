import { ApiClient } from '../api/api-client';
import { SessionStore } from '../auth/session-store';
import { loadCountryOutlines } from '../map/basemap';
import { prestartClusterWorkers } from '../map/layers/cluster-worker-pool';
import { loadVectorTiles } from '../map/vector-tiles-loader';
import { afterFirstPicture } from '../realtime/first-screen';
import { prefetchSnapshot } from '../realtime/snapshot-prefetch';
import { fetchClientConfigEarly } from './client-config-early';
import { warmUpIntlWhenIdle } from './intl-warm-up';

/**
 * The app's session store and API client, and the work that can start before React renders:
 * opened on an operation's address by a signed-in user, the snapshot request, the map's outlines,
 * the client configuration and the map's code are on their way at once. Imported first by
 * `app.tsx` (and by `main.tsx` alongside it), so this runs before the rest of the app's modules
 * are evaluated.
 */
export const sessionStore = new SessionStore();
export const api = new ApiClient({ tokens: sessionStore });

/** Waiting longer than this for the snapshot request to go out, the app is evaluated anyway. */
const HOLD_APP_AT_MOST_MS = 1_000;
/** Without a first picture by then (a page that draws none), the cluster worker is started anyway. */
const CLUSTER_WORKER_AFTER_MS = 5_000;

const prefetching = typeof window !== 'undefined' && prefetchSnapshot(window.location.pathname, api, sessionStore.getSession() !== null);

/**
 * Resolves once the snapshot request has gone out (or at once when there is none to send). Until
 * then `main.tsx` holds back the app's chunks: every step on the way to that request — the lock
 * and the refresh of the access token, then the request itself — needs the main thread for a
 * moment, and evaluating and rendering ~1 MB of code first kept it busy for seconds (the request
 * went out ~2 s after navigation on a quiet machine). Measured in `npm run bench:ui`'s waterfall.
 */
export const snapshotRequestSent: Promise<void> = prefetching
  ? Promise.race([
      // The snapshot's own continuation (which sends it) was queued first; a macrotask later it has gone out.
      sessionStore.accessToken().then(
        () => undefined,
        () => undefined,
      ),
      new Promise<void>((resolve) => setTimeout(resolve, HOLD_APP_AT_MOST_MS)),
    ]).then(() => new Promise<void>((resolve) => setTimeout(resolve, 0)))
  : Promise.resolve();

if (prefetching) {
  // Everything else the first picture of the map waits for, in parallel with the snapshot's
  // answer: the configuration (which basemap), the outlines, the vector basemap's code (with
  // Leaflet) — after the request, since converting the outlines is a long task of its own.
  void snapshotRequestSent.then(() => {
    const config = fetchClientConfigEarly();
    loadCountryOutlines().catch(() => undefined);
    // With an operator's archive, its header is read as soon as its reader is in (see readArchiveHeaderAhead).
    Promise.all([config, loadVectorTiles()]).then(
      ([answer, tiles]) => (answer as { vectorBasemap?: unknown } | null)?.vectorBasemap === true && tiles.readArchiveHeaderAhead(),
      () => undefined,
    );
    // The report layers' cluster worker is first used when the older reports page in, after the
    // first picture: started then, its script's request and its start are not in that picture's way.
    void afterFirstPicture(CLUSTER_WORKER_AFTER_MS).then(() => prestartClusterWorkers());
    // The main thread is idle until the app's chunks are in: the locale data of the first
    // formatters is loaded now rather than during the first render.
    warmUpIntlWhenIdle(300);
  });
}
