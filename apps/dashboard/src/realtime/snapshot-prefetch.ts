import type { CompactOperationSnapshot, Operation } from '@lintas/contracts';
import type { ApiClient } from '../api/api-client';
import { markLoadStep } from '../app/load-marks';
import { FIRST_SCREEN_REPORTS } from './first-screen';

const OPERATION_PATH = /^\/operations\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;
/** A prefetched snapshot older than this is not used (the view loads a fresh one). */
const FRESH_MS = 15_000;

let prefetched: { operationId: string; at: number; snapshot: Promise<CompactOperationSnapshot> } | null = null;
/** The operation itself (small, answered long before the snapshot): where to frame the map before the layers draw. */
let operationAhead: { operationId: string; operation: Promise<Operation | null>; value: Operation | null } | null = null;

/**
 * The snapshot is the longest wait on the way to the first picture of an operation. When the
 * page is opened on an operation's address by a signed-in user, its request starts as soon as
 * the app's code runs, before React has rendered anything; the operation's connection then takes
 * it instead of asking again. Answers whether it started one.
 */
export function prefetchSnapshot(pathname: string, api: ApiClient, signedIn: boolean): boolean {
  const match = OPERATION_PATH.exec(pathname);
  if (!match || !signedIn) return false;
  const operationId = match[1].toLowerCase();
  const snapshot = api.getCompactSnapshot(operationId, undefined, { reports: FIRST_SCREEN_REPORTS });
  snapshot.then(() => markLoadStep('snapshot-answered'), () => undefined); // a failure is the taker's to handle (or nobody's, if never taken)
  prefetched = { operationId, at: Date.now(), snapshot };
  const ahead: NonNullable<typeof operationAhead> = {
    operationId,
    value: null,
    operation: api.getOperation(operationId).then(
      (operation) => (ahead.value = operation),
      () => null,
    ),
  };
  operationAhead = ahead;
  return true;
}

/** The prefetched operation: its value if already answered, and the promise of it. */
export function operationFetchedAhead(operationId: string): { value: Operation | null; operation: Promise<Operation | null> } | null {
  return operationAhead?.operationId === operationId.toLowerCase() ? operationAhead : null;
}

/** The prefetched snapshot of this operation, once, if it is fresh. */
export function takePrefetchedSnapshot(operationId: string, now = Date.now()): Promise<CompactOperationSnapshot> | null {
  const taken = prefetched;
  prefetched = null;
  if (!taken || taken.operationId !== operationId.toLowerCase() || now - taken.at > FRESH_MS) return null;
  return taken.snapshot;
}
