import L from 'leaflet';
import { type RefObject, useEffect, useImperativeHandle, useRef } from 'react';
import { useLeafletMap } from '../map-context';

export interface MapController {
  fitTo(points: ReadonlyArray<[number, number]>, options?: { maxZoom?: number }): void;
  panTo(lat: number, lon: number, minZoom?: number): void;
}

/**
 * Gives the view a handle to move the map (fit the operation, go to an alert) without the view
 * holding the Leaflet map. `frameOnce`: points to fit the first time they are given — rendered
 * before the layers, so that they draw once, in the framed view.
 */
export function MapControllerBridge({ handle, frameOnce }: { handle: RefObject<MapController | null>; frameOnce?: ReadonlyArray<[number, number]> }) {
  const map = useLeafletMap();
  const framed = useRef(false);
  useEffect(() => {
    if (framed.current || !frameOnce || frameOnce.length === 0) return;
    framed.current = true;
    fit(map, frameOnce);
  }, [map, frameOnce]);
  useImperativeHandle(
    handle,
    () => ({
      fitTo(points, options) {
        fit(map, points, options?.maxZoom);
      },
      panTo(lat, lon, minZoom = 10) {
        map.flyTo([lat, lon], Math.max(map.getZoom(), minZoom), { duration: 0.5 });
      },
    }),
    [map],
  );
  return null;
}

function fit(map: L.Map, points: ReadonlyArray<[number, number]>, maxZoom = 12): void {
  if (points.length === 0) return;
  const bounds = L.latLngBounds(points.map(([lat, lon]) => L.latLng(lat, lon)));
  map.fitBounds(bounds.pad(0.15), { maxZoom, animate: false });
}
