import { useEffect, useState } from 'react';
import { tn } from '../../i18n/i18n';

/** Away from the top by more than this (pixels), new lines above are out of sight. */
const AWAY_PX = 24;

/**
 * "N new lines above": when the timeline is scrolled away from its top, lines that arrive after
 * that (newer seq) are counted; the marker scrolls back up. Lines are newest first.
 */
/** `scroller`: the element that scrolls the timeline (its panel). */
export function NewLinesMarker({ scroller, newestSeq, seqs }: { scroller: HTMLElement | null; newestSeq: number | null; seqs: readonly number[] }) {
  const [awayAt, setAwayAt] = useState<number | null>(null);

  useEffect(() => {
    if (!scroller) return;
    const onScroll = () => {
      const away = scroller.scrollTop > AWAY_PX;
      setAwayAt((current) => (away ? (current ?? newestSeq ?? 0) : null));
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    return () => scroller.removeEventListener('scroll', onScroll);
  }, [scroller, newestSeq]);

  if (awayAt === null) return null;
  let count = 0;
  for (const seq of seqs) {
    if (seq <= awayAt) break;
    count++;
  }
  if (count === 0) return null;
  return (
    <button type="button" className="timeline__new" data-testid="timeline-new" data-count={count} onClick={() => scroller?.scrollTo({ top: 0 })}>
      {tn('timeline.new', count)}
    </button>
  );
}
