import type L from 'leaflet';
import type { ScreenRect } from './team-placement';

/** A drawn report marker or cluster: its place, and what it covers around it in pixels. */
export interface MarkerObstacle {
  lat: number;
  lon: number;
  /** Pixels around the place's point on screen (left and top negative). */
  box: ScreenRect;
}

/** Fired on the map when a layer's obstacles changed: the teams layer places its glyphs again. */
export const OBSTACLES_CHANGED = 'lintas:obstacles';

const published = new WeakMap<L.Map, Map<string, readonly MarkerObstacle[]>>();

/**
 * The report layers say here what their markers and clusters cover (kept by place and pixels, so
 * a pan needs no new list), and the teams layer keeps its glyphs clear of them.
 */
export function publishObstacles(map: L.Map, layer: string, obstacles: readonly MarkerObstacle[]): void {
  let layers = published.get(map);
  if (!layers) published.set(map, (layers = new Map()));
  if (obstacles.length === 0 && !layers.has(layer)) return;
  layers.set(layer, obstacles);
  map.fire(OBSTACLES_CHANGED);
}

/**
 * Every published obstacle within `view`, in Leaflet's layer pixels: a pan does not move them (the
 * teams layer keeps them between placements until the map is zoomed or they change).
 */
export function obstaclesInView(map: L.Map, view: L.LatLngBounds): ScreenRect[] {
  const rects: ScreenRect[] = [];
  for (const obstacles of published.get(map)?.values() ?? []) {
    for (const { lat, lon, box } of obstacles) {
      if (!view.contains([lat, lon])) continue;
      const { x, y } = map.latLngToLayerPoint([lat, lon]);
      rects.push({ left: x + box.left, top: y + box.top, right: x + box.right, bottom: y + box.bottom });
    }
  }
  return rects;
}
