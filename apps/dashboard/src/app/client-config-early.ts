import { getJson } from './api';

let early: Promise<unknown> | null = null;

/**
 * The client configuration, asked for before React renders (by `early-start.ts`): the map waits
 * for it to choose its basemap, so it should not wait for the first render to be asked. Unchecked
 * here; `ClientConfigProvider` parses it.
 */
export function fetchClientConfigEarly(): Promise<unknown> {
  early ??= getJson('/api/client-config');
  early.catch(() => undefined); // the provider's to report
  return early;
}

/** The early request, if one was started (the provider asks again only when there is none). */
export function clientConfigFetchedEarly(): Promise<unknown> | null {
  return early;
}
