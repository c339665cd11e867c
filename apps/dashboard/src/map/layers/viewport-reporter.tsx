import type L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useLeafletMap } from '../map-context';

/** Tells the view what part of the world is on screen (after each move or zoom), e.g. for the marking banner. */
export function ViewportReporter({ onChange }: { onChange: (bounds: L.LatLngBounds, zoom: number) => void }) {
  const map = useLeafletMap();
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    const report = () => callback.current(map.getBounds(), map.getZoom());
    report();
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map]);

  return null;
}
