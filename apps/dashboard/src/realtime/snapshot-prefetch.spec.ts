import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/api-client';
import { operation, snapshot } from '../test-support/fixtures';
import { FIRST_SCREEN_REPORTS } from './first-screen';
import { operationFetchedAhead, prefetchSnapshot, takePrefetchedSnapshot } from './snapshot-prefetch';

const ID = '2880f5d1-0755-4723-b8bf-c6003da06354';

function fakeApi() {
  const getCompactSnapshot = vi.fn(async () => snapshot({ seq: 7 }));
  const getOperation = vi.fn(async () => operation({ id: ID }));
  return { api: { getCompactSnapshot, getOperation } as unknown as ApiClient, getCompactSnapshot };
}

describe('snapshot prefetch', () => {
  it('starts the request for an operation address and hands it over once', async () => {
    const { api, getCompactSnapshot } = fakeApi();
    prefetchSnapshot(`/operations/${ID}`, api, true);
    expect(getCompactSnapshot).toHaveBeenCalledWith(ID, undefined, { reports: FIRST_SCREEN_REPORTS });
    const taken = takePrefetchedSnapshot(ID);
    expect((await taken)?.seq).toBe(7);
    expect(takePrefetchedSnapshot(ID)).toBeNull();
    // The operation itself, for framing the map, is there once answered.
    expect((await operationFetchedAhead(ID)?.operation)?.id).toBe(ID);
    expect(operationFetchedAhead(ID)?.value?.id).toBe(ID);
    expect(operationFetchedAhead('00000000-0000-4000-8000-000000000001')).toBeNull();
  });

  it('does nothing for other addresses or when nobody is signed in, and gives nothing for another operation or when stale', () => {
    const { api, getCompactSnapshot } = fakeApi();
    prefetchSnapshot('/', api, true);
    prefetchSnapshot(`/operations/${ID}`, api, false);
    prefetchSnapshot(`/operations/${ID}/extra`, api, true);
    expect(getCompactSnapshot).not.toHaveBeenCalled();

    prefetchSnapshot(`/operations/${ID}`, api, true);
    expect(takePrefetchedSnapshot('00000000-0000-4000-8000-000000000001')).toBeNull();
    prefetchSnapshot(`/operations/${ID}`, api, true);
    expect(takePrefetchedSnapshot(ID, Date.now() + 60_000)).toBeNull();
  });
});
