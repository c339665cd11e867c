import { describe, expect, it } from 'vitest';
import { ApiClient, type AccessTokens } from './api-client';

/** A fake server that records what the typed client sent. */
function recorder(answer: (path: string) => Response) {
  const seen: { path: string; init?: RequestInit }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ path: String(input), init });
    return answer(String(input));
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const tokens = (token: string, renewed: string | null = null): AccessTokens => ({
  accessToken: async () => token,
  renewAfterUnauthorized: async () => renewed,
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('ApiClient over the generated types (openapi-fetch)', () => {
  it('sends a same-origin path with the path parameters filled in, lists comma-joined and empty values left out', async () => {
    const server = recorder(() => json({ items: [], nextCursor: null }));
    const api = new ApiClient({ tokens: tokens('tok'), fetch: server.fetch });
    await api.listReports('op 1', { kind: ['alert', 'sitrep'], status: [], limit: 500 });
    expect(server.seen[0].path).toBe('/api/operations/op%201/reports?kind=alert%2Csitrep&limit=500');
    expect(new Headers(server.seen[0].init?.headers).get('authorization')).toBe('Bearer tok');
  });

  it('sends the body as JSON and answers the parsed body', async () => {
    const server = recorder(() => json({ id: 't1', status: 'engaged' }));
    const api = new ApiClient({ tokens: tokens('tok'), fetch: server.fetch });
    expect(await api.setTeamStatus('t1', 'engaged')).toEqual({ id: 't1', status: 'engaged' });
    expect(server.seen[0]).toMatchObject({ path: '/api/teams/t1/status', init: { method: 'POST', body: '{"status":"engaged"}' } });
  });

  it("maps an error answer to ApiError with the server's message, and renews once after a 401", async () => {
    let calls = 0;
    const server = recorder(() => (++calls === 1 ? json({ statusCode: 401, message: 'expired' }, 401) : json({ statusCode: 404, message: 'No such report' }, 404)));
    const api = new ApiClient({ tokens: tokens('old', 'new'), fetch: server.fetch });
    await expect(api.getReport('r1')).rejects.toMatchObject({ name: 'ApiError', status: 404, message: 'No such report' });
    expect(server.seen.map(({ init }) => new Headers(init?.headers).get('authorization'))).toEqual(['Bearer old', 'Bearer new']);
  });

  it('asks for the compact snapshot with compact=1 and tells the two forms apart by `compact`', async () => {
    const snapshot = { operation: { id: 'op' }, teams: [], reports: [], seq: 3 };
    const server = recorder((path) => json(path.includes('compact=1') ? { ...snapshot, compact: true } : snapshot));
    const api = new ApiClient({ tokens: tokens('tok'), fetch: server.fetch });
    expect(await api.getCompactSnapshot('op', undefined, { reports: 10 })).toEqual({ ...snapshot, compact: true });
    expect(server.seen[0].path).toBe('/api/operations/op/snapshot?reports=10&compact=1');
    expect(await api.getSnapshot('op')).toEqual(snapshot);
    expect(server.seen[1].path).toBe('/api/operations/op/snapshot');

    const wrong = new ApiClient({ tokens: tokens('tok'), fetch: recorder(() => json(snapshot)).fetch });
    await expect(wrong.getCompactSnapshot('op')).rejects.toThrow('full snapshot');
  });

  it('answers status 0 when the server cannot be reached', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await expect(new ApiClient({ tokens: tokens('tok'), fetch }).me()).rejects.toMatchObject({ status: 0, unreachable: true });
  });
});
