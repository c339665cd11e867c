import type L from 'leaflet';
import { useEffect } from 'react';
import type { Theme } from '../../app/theme';
import { useLeafletMap } from '../map-context';
import { loadVectorTiles, vectorTilesLoaded } from '../vector-tiles-loader';
import { markLoadStep } from '../../app/load-marks';

/** Pane of the GSHHG ground: over the country outlines' fill (250), under every operational layer (400+). */
export const GROUND_PANE = 'lintas-ground';
/** Zoom from which the country outlines' borders give way to the vector layers' own. */
export const DETAILED_ZOOM = 9;

/**
 * The vector basemap: the operator's PMTiles archive when the server has one (under the country
 * outlines, which then draw as lines only), else the GSHHG ground layers over the outlines.
 * Both load their renderer lazily and are redrawn on a theme switch (canvas colours are not CSS).
 */
export function VectorBasemapLayers({ archive, theme }: { archive: boolean; theme: Theme }) {
  const map = useLeafletMap();

  useEffect(() => {
    if (!map.getPane(GROUND_PANE)) map.createPane(GROUND_PANE).style.zIndex = '260';
    const pane = map.getPane(GROUND_PANE)!;
    pane.style.pointerEvents = 'none';
    // From this zoom the GSHHG borders (or the archive's) are exact: the 1:50m outlines' border
    // lines, kilometres off, would only mislead (their land fill stays).
    const detailed = () => map.getContainer().classList.toggle('map--detailed', map.getZoom() >= DETAILED_ZOOM);
    detailed();
    map.on('zoomend', detailed);
    let layer: L.Layer | null = null;
    let cancelled = false;
    const add = (tiles: NonNullable<ReturnType<typeof vectorTilesLoaded>>) => {
      if (cancelled) return;
      layer = archive ? tiles.archiveLayer(theme, 'tilePane') : tiles.groundLayer(theme, GROUND_PANE);
      layer.once('tileload', () => markLoadStep('first-vector-tile'));
      layer.addTo(map);
      markLoadStep('vector-layer-added');
      map.getContainer().dataset.vectorBasemap = archive ? 'archive' : 'ground';
    };
    const ready = vectorTilesLoaded();
    if (ready) add(ready);
    else loadVectorTiles().then(add, (error: unknown) => console.error('basemap: the vector layers failed to load', error));
    return () => {
      cancelled = true;
      map.off('zoomend', detailed);
      layer?.remove();
    };
  }, [map, archive, theme]);

  return null;
}
