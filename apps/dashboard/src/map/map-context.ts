import type { Map as LeafletMap } from 'leaflet';
import { createContext, useContext } from 'react';

/** The one Leaflet map of a `BaseMap`, for the layer components mounted inside it. */
export const MapContext = createContext<LeafletMap | null>(null);

export function useLeafletMap(): LeafletMap {
  const map = useContext(MapContext);
  if (!map) throw new Error('useLeafletMap: a map layer must be rendered inside <BaseMap>');
  return map;
}

/** Panes, bottom to top: tiles (Leaflet's own, 200), the embedded basemap, then operational overlays (400+). */
export const BASEMAP_PANE = 'lintas-basemap';
