import type { DocumentCheck } from '@lintas/contracts';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';

/** Often enough for an officer holding a traveller; light on a phone's data plan. */
const EVERY_MS = 15_000;

/**
 * The outcome a commander recorded for this officer's potential hits, read again while some are
 * still open and the phone is online (the field page has no live socket): check id → the check.
 */
export function useCheckOutcomes(api: Pick<ApiClient, 'listDocumentChecks'>, operationId: string, openHitIds: readonly string[]): ReadonlyMap<string, DocumentCheck> {
  const [checks, setChecks] = useState<ReadonlyMap<string, DocumentCheck>>(new Map());
  const key = openHitIds.join(',');
  useEffect(() => {
    if (!key) return;
    const wanted = new Set(key.split(','));
    let stopped = false;
    const read = async () => {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
      try {
        const list = await api.listDocumentChecks(operationId);
        if (!stopped) setChecks(new Map(list.filter((check) => wanted.has(check.id)).map((check) => [check.id, check])));
      } catch {
        // Offline or refused: the next round tries again; the phone keeps showing what it knew.
      }
    };
    void read();
    const timer = setInterval(() => void read(), EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, operationId, key]);
  return checks;
}
