import { useEffect, useRef } from 'react';
import { firstPictureDrawn } from '../../realtime/first-screen';

/**
 * Marks the first draw of the operation's data (for the benchmark and the browser tests). Rendered
 * last inside the map, so its effect runs after every layer's has added its markers; the mark is
 * set after the frame that paints them.
 */
export function MapDrawnMark({ reports }: { reports: number }) {
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current) return;
    marked.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark('lintas:map-drawn', { detail: { reports } });
        document.querySelector('[data-testid="operation-view"]')?.setAttribute('data-drawn', 'true');
        firstPictureDrawn();
      }, 0),
    );
  }, [reports]);
  return null;
}
