import { type ReactNode, useEffect, useState } from 'react';

/**
 * Renders its children one task after it was mounted: a long first draw split in two, so that what
 * was drawn first is painted and the requests it started (tiles) go out before the rest is drawn.
 * Used for the map's operational layers (after the ground) and the report layers (after teams and
 * sites). The view is complete only when the later part is drawn (`MapDrawnMark` is in it).
 */
export function AfterATask({ children }: { children: ReactNode }) {
  const [now, setNow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setNow(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return now ? children : null;
}
