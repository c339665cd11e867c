import type {} from '@geoman-io/leaflet-geoman-free'; // its types only: the code is loaded with the first drawing (area-draw-tools.ts)
import type { Polygon } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useLeafletMap } from '../map-context';

export interface AreaDrawLayerProps {
  /** The area as it stands (drawn here, or the operation's); drawn once at mount, then kept by the tool. */
  initial: Polygon | null;
  /** Each increase starts drawing a new polygon (the old one is replaced when it is finished). */
  drawRequest: number;
  /** Each increase removes the area. */
  clearRequest: number;
  onChange(area: Polygon | null): void;
}

const STYLE = { color: '#1565c0', weight: 2, fillOpacity: 0.12 };

/**
 * The area of operations, drawn and edited with Leaflet-Geoman (a maintained drawing library):
 * click the corners, click the first one to close; then drag corners to edit. Geoman refuses
 * self-intersections while drawing; the form checks the result with the contracts' polygon rule too.
 */
export function AreaDrawLayer({ initial, drawRequest, clearRequest, onChange }: AreaDrawLayerProps) {
  const map = useLeafletMap();
  const layer = useRef<L.Polygon | null>(null);
  const changed = useEffectEvent((polygon: L.Polygon | null) => onChange(polygon ? (polygon.toGeoJSON().geometry as Polygon) : null));
  const [firstArea] = useState(initial);
  const tools = useDrawTools(map);

  useEffect(() => {
    if (!tools) return;
    tools.setGlobalOptions({ allowSelfIntersection: false, pathOptions: STYLE, templineStyle: STYLE, hintlineStyle: { ...STYLE, dashArray: '5 5' } });
    const adopt = (polygon: L.Polygon) => {
      layer.current?.remove();
      layer.current = polygon;
      polygon.pm.enable({ allowSelfIntersection: false });
      polygon.on('pm:edit', () => changed(polygon));
      changed(polygon);
    };
    if (firstArea) {
      const ring = firstArea.coordinates[0].slice(0, -1).map(([lon, lat]) => L.latLng(lat, lon));
      adopt(L.polygon(ring, STYLE).addTo(map));
    }
    const onCreate = (event: { layer: L.Layer }) => adopt(event.layer as L.Polygon);
    map.on('pm:create', onCreate);
    return () => {
      map.off('pm:create', onCreate);
      tools.disableDraw();
      layer.current?.remove();
      layer.current = null;
    };
  }, [map, tools, firstArea]);

  useEffect(() => {
    if (tools && drawRequest > 0) tools.enableDraw('Polygon', { snappable: false, allowSelfIntersection: false, finishOn: null });
  }, [tools, drawRequest]);

  useEffect(() => {
    if (!tools || clearRequest === 0) return;
    tools.disableDraw();
    layer.current?.remove();
    layer.current = null;
    changed(null);
  }, [tools, clearRequest]);
  return null;
}

/** Geoman's tools for the map, once its chunk is in (null until then). */
function useDrawTools(map: L.Map): L.PM.PMMap | null {
  const [tools, setTools] = useState<L.PM.PMMap | null>(null);
  useEffect(() => {
    let cancelled = false;
    import('./area-draw-tools').then(
      ({ drawToolsOf }) => !cancelled && setTools(drawToolsOf(map)),
      (error: unknown) => console.error('map: the drawing tools failed to load', error),
    );
    return () => {
      cancelled = true;
    };
  }, [map]);
  return tools;
}
