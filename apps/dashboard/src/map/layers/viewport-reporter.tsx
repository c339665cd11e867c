import type L from 'leaflet';
import { useEffect, useEffectEvent } from 'react';
import { useLeafletMap } from '../map-context';

/** Tells the view what part of the world is on screen (after each move or zoom), e.g. for the marking banner. */
export function ViewportReporter({ onChange }: { onChange: (bounds: L.LatLngBounds, zoom: number) => void }) {
  const map = useLeafletMap();
  const changed = useEffectEvent(() => onChange(map.getBounds(), map.getZoom()));

  useEffect(() => {
    const report = () => changed();
    report();
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map]);

  return null;
}
