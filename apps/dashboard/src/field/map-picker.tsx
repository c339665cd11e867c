import type { LatLon, Site } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useEffectEvent, useState } from 'react';
import { BaseMap } from '../map/base-map';
import { useLeafletMap } from '../map/map-context';
import { ft } from '../i18n/field-i18n';

export interface MapPickerProps {
  sites: readonly Site[];
  /** Where to open: the last position, else the team's site; else the whole region. */
  centre: LatLon | null;
  onPick(point: LatLon): void;
  onCancel(): void;
}

/**
 * A full-screen map to tap a place on (its own chunk: Leaflet and the basemap load only when it
 * opens, and come from the service worker's cache when offline). Border sites are drawn as
 * reference points.
 */
export default function MapPicker({ sites, centre, onPick, onCancel }: MapPickerProps) {
  const [point, setPoint] = useState<LatLon | null>(null);
  return (
    <div className="field-map-dialog" role="dialog" aria-modal="true" aria-label={ft('position.map')} data-testid="map-picker">
      <div className="field-map-dialog__map">
        <BaseMap ground={false}>
          <PickLayer sites={sites} centre={centre} point={point} onPoint={setPoint} />
        </BaseMap>
      </div>
      <div className="field-map-dialog__bar">
        <p className="field-muted">{point ? ft('form.point', { lat: point.lat.toFixed(5), lon: point.lon.toFixed(5) }) : 'Tap the map where you are.'}</p>
        <div className="field-actions field-actions--row">
          <button type="button" className="field-button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="field-button field-button--primary" disabled={!point} onClick={() => point && onPick(point)} data-testid="map-picker-use">
            Use this point
          </button>
        </div>
      </div>
    </div>
  );
}

function PickLayer({ sites, centre, point, onPoint }: { sites: readonly Site[]; centre: LatLon | null; point: LatLon | null; onPoint(point: LatLon): void }) {
  const map = useLeafletMap();
  const [marker] = useState(() => L.circleMarker([0, 0], { radius: 10, weight: 3, color: '#b00020', fillColor: '#ff1744', fillOpacity: 0.9 }));

  // Set up once per dialog, from the centre and sites it opened with: a later change of the centre
  // must not move the map under the officer's finger.
  const [opened] = useState(() => ({ centre, sites }));
  const picked = useEffectEvent((point: LatLon) => onPoint(point));

  useEffect(() => {
    if (opened.centre) map.setView([opened.centre.lat, opened.centre.lon], 12);
    const layer = L.layerGroup(
      opened.sites.map((site) =>
        L.circleMarker([site.lat, site.lon], { radius: 6, weight: 2, color: '#003a8c', fillColor: '#ffffff', fillOpacity: 1 }).bindTooltip(site.name, { permanent: true, direction: 'right', offset: [8, 0] }),
      ),
    ).addTo(map);
    const click = (event: L.LeafletMouseEvent) => {
      const { lat, lng } = event.latlng.wrap();
      picked({ lat: Number(lat.toFixed(6)), lon: Number(lng.toFixed(6)) });
    };
    map.on('click', click);
    return () => {
      map.off('click', click);
      layer.remove();
    };
  }, [map, opened]);

  useEffect(() => {
    if (!point) {
      marker.remove();
      return;
    }
    marker.setLatLng([point.lat, point.lon]).addTo(map);
  }, [map, marker, point]);

  return null;
}
