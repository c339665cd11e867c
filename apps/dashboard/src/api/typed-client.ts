import type { ApiPaths } from '@lintas/contracts';
import createClient, { type Client } from 'openapi-fetch';
import { type Fetch, withQuery } from './http';

export type TypedClient = Client<ApiPaths>;

/**
 * openapi-fetch over the dashboard's one `fetch`: paths, path parameters, query and bodies typed
 * from the generated OpenAPI types. openapi-fetch builds a `Request` (which needs an absolute URL);
 * it is handed to `fetch` as the same-origin path and init the rest of the dashboard (and its tests'
 * fake servers) speak. Lists in the query are comma-joined and empty values left out, as the API reads them.
 */
export function createTypedClient(doFetch: Fetch): TypedClient {
  const origin = globalThis.location?.origin ?? 'http://localhost';
  return createClient<ApiPaths>({
    baseUrl: origin,
    headers: { accept: 'application/json' },
    querySerializer: (query) => withQuery('', query as Parameters<typeof withQuery>[1]).replace(/^\?/, ''),
    fetch: async (request: Request) => {
      const url = new URL(request.url);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : (await request.text()) || undefined;
      return doFetch(`${url.pathname}${url.search}`, { method: request.method, headers: request.headers, body, signal: request.signal });
    },
  });
}
