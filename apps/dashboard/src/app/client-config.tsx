import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { getJson } from './api';

/** What `GET /api/client-config` tells the dashboard before anyone signs in. */
export interface ClientConfig {
  tileUrl: string | null;
  tileAttribution: string | null;
  demo: boolean;
  positionStaleSeconds: number;
}

export type ClientConfigState =
  | { status: 'loading'; config: null }
  | { status: 'ready'; config: ClientConfig }
  /** The server did not answer: the dashboard still works on its embedded basemap. */
  | { status: 'unavailable'; config: null; error: string };

const TILE_TEMPLATE = /^https?:\/\/.*\{z\}.*\{x\}.*\{y\}/;

/** Checks the answer's shape; an unusable tile URL is ignored rather than handed to Leaflet. */
export function parseClientConfig(body: unknown): ClientConfig {
  if (typeof body !== 'object' || body === null) throw new Error('client-config: not an object');
  const value = body as Record<string, unknown>;
  const tileUrl = typeof value.tileUrl === 'string' && TILE_TEMPLATE.test(value.tileUrl) ? value.tileUrl : null;
  return {
    tileUrl,
    tileAttribution: tileUrl && typeof value.tileAttribution === 'string' ? value.tileAttribution : null,
    demo: value.demo === true,
    positionStaleSeconds: typeof value.positionStaleSeconds === 'number' && value.positionStaleSeconds > 0 ? value.positionStaleSeconds : 300,
  };
}

const ClientConfigContext = createContext<ClientConfigState>({ status: 'loading', config: null });

/** Fetches the client configuration once for the whole app. */
export function ClientConfigProvider({ children, fetch: doFetch }: { children: ReactNode; fetch?: typeof fetch }) {
  const [state, setState] = useState<ClientConfigState>({ status: 'loading', config: null });

  useEffect(() => {
    const controller = new AbortController();
    getJson('/api/client-config', { signal: controller.signal, fetch: doFetch })
      .then((body) => setState({ status: 'ready', config: parseClientConfig(body) }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'unavailable', config: null, error: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [doFetch]);

  return <ClientConfigContext.Provider value={state}>{children}</ClientConfigContext.Provider>;
}

export function useClientConfig(): ClientConfigState {
  return useContext(ClientConfigContext);
}
