import type { LatLon } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useEffectEvent, useState } from 'react';
import { useLeafletMap } from '../map-context';

/** A click on the map picks a point (drawn as a ring); `point` may also be set from outside (typed coordinates). */
export function PointPickLayer({ point, onPick }: { point: LatLon | null; onPick(point: LatLon): void }) {
  const map = useLeafletMap();
  const [marker] = useState(() => L.circleMarker([0, 0], { radius: 9, weight: 3, color: '#b00020', fillColor: '#ff1744', fillOpacity: 0.8 }));
  const pick = useEffectEvent((event: L.LeafletMouseEvent) => onPick({ lat: round(event.latlng.lat), lon: round(L.Util.wrapNum(event.latlng.lng, [-180, 180], true)) }));

  useEffect(() => {
    const onClick = (event: L.LeafletMouseEvent) => pick(event);
    map.on('click', onClick);
    map.getContainer().style.cursor = 'crosshair';
    return () => {
      map.off('click', onClick);
      map.getContainer().style.cursor = '';
      marker.remove();
    };
  }, [map, marker]);

  useEffect(() => {
    if (point && Number.isFinite(point.lat) && Number.isFinite(point.lon)) marker.setLatLng([point.lat, point.lon]).addTo(map);
    else marker.remove();
  }, [map, marker, point]);
  return null;
}

/** Five decimals: about a metre, more than a border site needs. */
function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
