import L from 'leaflet';
import { useEffect } from 'react';
import { useLeafletMap } from '../map-context';

/** An optional raster tile layer from the server's configuration; drawn under the country outlines. */
export function TileLayer({ url, attribution }: { url: string; attribution?: string | null }) {
  const map = useLeafletMap();

  useEffect(() => {
    const tiles = L.tileLayer(url, { attribution: attribution ?? undefined, maxZoom: 19 }).addTo(map);
    return () => {
      tiles.remove();
    };
  }, [map, url, attribution]);

  return null;
}
