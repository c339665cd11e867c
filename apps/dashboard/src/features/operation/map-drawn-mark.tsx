import { useEffect, useRef } from 'react';
import { useLeafletMap } from '../../map/map-context';
import { whenReportsDrawn } from '../../map/layers/reports-drawn';
import { firstPictureDrawn } from '../../realtime/first-screen';
import { markLoadStep } from '../../app/load-marks';

/**
 * Marks the first draw of the operation's data (for the benchmark and the browser tests). Rendered
 * last inside the map, so its effect runs after every layer's has added its markers; the report
 * layers' markers come from their cluster index's answer (a worker), so it waits for those too.
 * The mark is set after the frame that paints them.
 */
export function MapDrawnMark({ reports }: { reports: number }) {
  const map = useLeafletMap();
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current) return;
    marked.current = true;
    // Not cancelled with the effect: the mark is set once, whatever re-renders in between.
    markLoadStep('layers-mounted');
    whenReportsDrawn(map, () => {
      markLoadStep('reports-drawn');
      requestAnimationFrame(() =>
        setTimeout(() => {
          performance.mark('lintas:map-drawn', { detail: { reports } });
          document.querySelector('[data-testid="operation-view"]')?.setAttribute('data-drawn', 'true');
          firstPictureDrawn();
        }, 0),
      );
    });
  }, [map, reports]);
  return null;
}
