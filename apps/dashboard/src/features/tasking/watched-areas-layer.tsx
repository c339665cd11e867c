import L from 'leaflet';
import { useEffect } from 'react';
import { useLeafletMap } from '../../map/map-context';
import { useOperationSelector } from '../../realtime/operation-realtime';

/** Watched areas on the map: a dotted outline, in the alert colour while lapsed (no team for its threshold). */
export function WatchedAreasLayer({ visible }: { visible: boolean }) {
  const map = useLeafletMap();
  const areas = useOperationSelector((state) => state.watchedAreas);

  useEffect(() => {
    if (!visible) return;
    const layer = L.layerGroup().addTo(map);
    for (const area of areas.values()) {
      const rings = area.area.coordinates.map((ring) => ring.map(([lon, lat]) => [lat, lon] as [number, number]));
      const polygon = L.polygon(rings, { className: `watched-area-shape${area.lapsed ? ' watched-area-shape--lapsed' : ''}`, weight: 2, dashArray: '2 6', fillOpacity: 0.08 })
        .bindTooltip(area.name)
        .addTo(layer);
      polygon.getElement?.()?.setAttribute('data-watched-area-id', area.id);
    }
    return () => void layer.remove();
  }, [map, areas, visible]);

  return null;
}
