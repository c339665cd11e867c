import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { type CountryCollection, type CountryFeature, geometryBounds } from '../basemap';
import { BASEMAP_PANE, useLeafletMap } from '../map-context';
import { markLoadStep } from '../../app/load-marks';

/** Main-thread time given to the outlines out of view per slice. */
const SLICE_MS = 8;

/**
 * The embedded country outlines. The setup effect adds one GeoJSON layer; the update effect
 * replaces its data: the countries in view at once (what the first picture shows), the others
 * nearest first in short slices after it — converting all 241 (100,000 points, Canada alone
 * 11,000) in one task held the first picture of an operation back. The map element says
 * `data-outlines="in-view"` and then `"all"`. Colours come from CSS (`.country-outline`) so a theme
 * switch needs no redraw.
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
    const element = map.getContainer();
    if (!geoJson) return;
    geoJson.clearLayers();
    delete element.dataset.outlines;
    if (!countries) return;
    const { inView, rest } = byDistanceFromView(countries.features, map.getBounds());
    for (const country of inView) geoJson.addData(country);
    element.dataset.outlines = rest.length ? 'in-view' : 'all';
    markLoadStep('outlines-in-view');
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const slice = () => {
      const until = performance.now() + SLICE_MS;
      while (next < rest.length && performance.now() < until) geoJson.addData(rest[next++]);
      if (next < rest.length) timer = setTimeout(slice, 0);
      else element.dataset.outlines = 'all';
    };
    if (rest.length) timer = setTimeout(slice, 0);
    return () => {
      if (timer) clearTimeout(timer);
    };
  }, [map, countries]);

  return null;
}

/** The countries whose box meets the view, and the others by the distance of their box's centre from the view's. */
function byDistanceFromView(features: readonly CountryFeature[], view: L.LatLngBounds): { inView: CountryFeature[]; rest: CountryFeature[] } {
  const centre = view.getCenter();
  const inView: CountryFeature[] = [];
  const rest: { country: CountryFeature; distance: number }[] = [];
  for (const country of features) {
    const box = L.latLngBounds(geometryBounds(country.geometry));
    if (view.intersects(box)) inView.push(country);
    else {
      const middle = box.getCenter();
      rest.push({ country, distance: Math.hypot(middle.lat - centre.lat, middle.lng - centre.lng) });
    }
  }
  return { inView, rest: rest.sort((a, b) => a.distance - b.distance).map((entry) => entry.country) };
}
