import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { timelineEntryOf } from '../../realtime/timeline';
import type { ReplayPeriod } from './replay-clock';
import { NO_EARLIER, type ReplayEarlier } from './replay-picture';

/** Seqs read per page backwards (the event log's largest page): every visible event among them comes in one answer. */
export const EARLIER_PAGE = 500;

/**
 * The replay timeline's older lines, read from the event log backwards on demand: where the spans
 * the player holds begin after the period's start (a detail window's own state), the lines before
 * them are pages of the log before their first seq, as this viewer may see them (the log filters
 * by marking as the live feed does). One page at a time; another replay starts with none.
 */
export function useReplayEarlier(api: ApiClient, operationId: string, period: ReplayPeriod | null): { earlier: ReplayEarlier; loading: boolean; readBefore(seq: number): void } {
  const [held, setHeld] = useState<{ period: ReplayPeriod | null; earlier: ReplayEarlier }>({ period: null, earlier: NO_EARLIER });
  const [loading, setLoading] = useState(false);
  const inFlight = useRef(false);
  // Nothing read yet for this period: the same object until a page comes (the picture's memos key on it).
  const none = useMemo(() => (period ? { ...NO_EARLIER, periodStart: period.start, complete: false } : NO_EARLIER), [period]);
  const earlier = held.period === period && period ? held.earlier : none;
  const current = useRef(earlier);
  useLayoutEffect(() => {
    current.current = earlier;
  }, [earlier]);

  const readBefore = useCallback(
    (seq: number) => {
      const known = current.current;
      if (!period || inFlight.current || known.complete || seq <= 1) return;
      const before = Math.min(seq, known.oldestSeq ?? seq);
      const sinceSeq = Math.max(0, before - 1 - EARLIER_PAGE);
      inFlight.current = true;
      setLoading(true);
      api.listEvents(operationId, { sinceSeq, limit: EARLIER_PAGE }).then(
        (page) => {
          inFlight.current = false;
          setLoading(false);
          const lines = page.items.filter((event) => event.seq < before).map((event) => timelineEntryOf(event, {}));
          lines.reverse();
          setHeld((now) => {
            const base = now.period === period ? now.earlier : { ...NO_EARLIER, periodStart: period.start, complete: false };
            return { period, earlier: { periodStart: period.start, entries: [...base.entries, ...lines], oldestSeq: sinceSeq + 1, complete: sinceSeq === 0 } };
          });
        },
        () => {
          // Not read (a busy server, a dropped connection): the next "show earlier" asks again.
          inFlight.current = false;
          setLoading(false);
        },
      );
    },
    [api, operationId, period],
  );
  return { earlier, loading, readBefore };
}
