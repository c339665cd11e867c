import { ApiError } from '../api/api-error';

export { ApiError };

/** GET a JSON document from the API on the same origin (the dev server proxies `/api`). */
export async function getJson<T = unknown>(path: string, init: { signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<T> {
  const doFetch = init.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(path, { headers: { accept: 'application/json' }, signal: init.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, `the Lintas server could not be reached (${path})`);
  }
  if (!response.ok) throw new ApiError(response.status, `${path} answered ${response.status}`);
  return (await response.json()) as T;
}
