import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { requestJson, withQuery } from './http';

describe('requestJson', () => {
  it('turns an error answer into an ApiError with the server message and the failing fields', async () => {
    const fetch = (async () =>
      new Response(JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'Invalid body', issues: [{ path: 'reason', message: 'a rejection needs a reason' }] }), {
        status: 400,
      })) as typeof globalThis.fetch;
    const error = await requestJson(fetch, { path: '/api/x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, message: 'Invalid body', issues: [{ path: 'reason', message: 'a rejection needs a reason' }] });
  });

  it('answers status 0 when the server cannot be reached', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await expect(requestJson(fetch, { path: '/api/x' })).rejects.toMatchObject({ status: 0, unreachable: true });
  });

  it('sends the bearer token and a JSON body', async () => {
    let seen: RequestInit | undefined;
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      seen = init;
      return new Response(null, { status: 204 });
    }) as typeof globalThis.fetch;
    expect(await requestJson(fetch, { method: 'POST', path: '/api/x', body: { a: 1 }, token: 'tok' })).toBeUndefined();
    expect(new Headers(seen?.headers).get('authorization')).toBe('Bearer tok');
    expect(seen?.body).toBe('{"a":1}');
  });
});

describe('withQuery', () => {
  it('joins lists with commas and leaves out empty values', () => {
    expect(withQuery('/api/r', { kind: ['alert', 'sitrep'], status: [], limit: 500, cursor: undefined, q: null })).toBe('/api/r?kind=alert%2Csitrep&limit=500');
    expect(withQuery('/api/r')).toBe('/api/r');
  });
});
