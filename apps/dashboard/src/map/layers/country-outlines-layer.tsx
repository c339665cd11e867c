import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { CountryCollection, CountryFeature } from '../basemap';
import { BASEMAP_PANE, useLeafletMap } from '../map-context';

/**
 * The embedded country outlines. The setup effect adds one GeoJSON layer; the update effect
 * only replaces its data. Colours come from CSS (`.country-outline`) so a theme switch needs
 * no redraw.
 */
export function CountryOutlinesLayer({ countries }: { countries: CountryCollection | null }) {
  const map = useLeafletMap();
  const layer = useRef<L.GeoJSON | null>(null);

  useEffect(() => {
    const geoJson = L.geoJSON(undefined, {
      pane: BASEMAP_PANE,
      interactive: false,
      style: (feature) => ({
        className: (feature as CountryFeature | undefined)?.properties.asean ? 'country-outline country-outline--asean' : 'country-outline',
        weight: 1,
      }),
    }).addTo(map);
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
    if (countries) geoJson.addData(countries);
  }, [map, countries]);

  return null;
}
