import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
// Its own entry: only this schema (and zod) is evaluated on the way to the first picture, not the contracts' ~400 (see contracts/src/plain.ts).
import { type ClientConfig, clientConfigSchema } from '@lintas/contracts/client-config';
import { getJson } from './api';
import { clientConfigFetchedEarly } from './client-config-early';

export type { ClientConfig };

export type ClientConfigState =
  | { status: 'loading'; config: null }
  | { status: 'ready'; config: ClientConfig }
  /** The server did not answer: the dashboard still works on its embedded basemap. */
  | { status: 'unavailable'; config: null; error: string };

/** Checks the answer with the contracts' schema; an unusable tile URL is ignored rather than handed to Leaflet. */
export function parseClientConfig(body: unknown): ClientConfig {
  if (typeof body !== 'object' || body === null) throw new Error('client-config: not an object');
  return clientConfigSchema.parse(body);
}

const ClientConfigContext = createContext<ClientConfigState>({ status: 'loading', config: null });

/** Fetches the client configuration once for the whole app. */
export function ClientConfigProvider({ children, fetch: doFetch }: { children: ReactNode; fetch?: typeof fetch }) {
  const [state, setState] = useState<ClientConfigState>({ status: 'loading', config: null });

  useEffect(() => {
    const controller = new AbortController();
    // Started before React rendered, on the way to an operation's map (see early-start.ts).
    const early = doFetch ? null : clientConfigFetchedEarly();
    (early ?? getJson('/api/client-config', { signal: controller.signal, fetch: doFetch }))
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
