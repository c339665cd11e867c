import L from 'leaflet';
import { type RefObject, useImperativeHandle } from 'react';
import { useLeafletMap } from '../map-context';

export interface MapController {
  fitTo(points: ReadonlyArray<[number, number]>, options?: { maxZoom?: number }): void;
  panTo(lat: number, lon: number, minZoom?: number): void;
}

/** Gives the view a handle to move the map (fit the operation, go to an alert) without the view holding the Leaflet map. */
export function MapControllerBridge({ handle }: { handle: RefObject<MapController | null> }) {
  const map = useLeafletMap();
  useImperativeHandle(
    handle,
    () => ({
      fitTo(points, options) {
        if (points.length === 0) return;
        const bounds = L.latLngBounds(points.map(([lat, lon]) => L.latLng(lat, lon)));
        map.fitBounds(bounds.pad(0.15), { maxZoom: options?.maxZoom ?? 12, animate: false });
      },
      panTo(lat, lon, minZoom = 10) {
        map.flyTo([lat, lon], Math.max(map.getZoom(), minZoom), { duration: 0.5 });
      },
    }),
    [map],
  );
  return null;
}
