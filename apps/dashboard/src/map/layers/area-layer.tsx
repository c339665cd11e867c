import type { Polygon } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useLeafletMap } from '../map-context';

/** The operation's area of operations: one GeoJSON layer, its data replaced when the area changes. */
export function AreaLayer({ area, visible }: { area: Polygon | null; visible: boolean }) {
  const map = useLeafletMap();
  const layer = useRef<L.GeoJSON | null>(null);

  useEffect(() => {
    const geoJson = L.geoJSON(undefined, { interactive: false, style: { className: 'area-of-operations', weight: 2, dashArray: '8 6', fillOpacity: 0.06 } });
    layer.current = geoJson;
    return () => {
      geoJson.remove();
      layer.current = null;
    };
  }, [map]);

  useEffect(() => {
    const geoJson = layer.current;
    if (!geoJson) return;
    geoJson.clearLayers();
    if (area) geoJson.addData({ type: 'Feature', geometry: area, properties: {} } as GeoJSON.Feature);
    if (visible && !map.hasLayer(geoJson)) geoJson.addTo(map);
    if (!visible && map.hasLayer(geoJson)) geoJson.remove();
  }, [map, area, visible]);

  return null;
}
