import { ApiClient } from '../api/api-client';

/** What the client put on the wire: method, same-origin path and the JSON body. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

/**
 * The dashboard's real API client over a fake server that records every request and answers
 * `answer(request)` (200 `{}` unless told): a unit test sees the route and body a typed call sends.
 */
export function recordingApi(answer: (request: SentRequest) => Response = () => Response.json({})) {
  const sent: SentRequest[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = { method: init?.method ?? 'GET', path: String(input), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
    sent.push(request);
    return answer(request);
  }) as typeof globalThis.fetch;
  const api = new ApiClient({ tokens: { accessToken: async () => 'token', renewAfterUnauthorized: async () => null }, fetch });
  return { api, sent };
}
