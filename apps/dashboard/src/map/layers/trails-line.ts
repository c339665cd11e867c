import L from 'leaflet';

export type WrittenPath = L.Polyline & {
  /** Writes the path with `pathOf` (in layer pixels of `frame`: zoom and pixel origin) now, and again whenever the frame changes. */
  setPathOf(pathOf: (map: L.Map, frame: string) => string): void;
};

/** Leaflet's internals the path draws with (not in its typings). */
interface PathInternals {
  _map: L.Map | null;
  _renderer: { _setPath(layer: unknown, d: string): void };
  _pathOf: ((map: L.Map, frame: string) => string) | null;
  _frame: string | null;
  _update(): void;
}

/** The frame of layer pixels: what a point's layer pixels depend on (a pan changes neither). */
export function frameOf(map: L.Map): string {
  const origin = map.getPixelOrigin();
  return `${map.getZoom()}|${origin.x},${origin.y}`;
}

/**
 * Many lines (the trails of one colour, the legs of every team drawn away from its place) as one
 * SVG path on Leaflet's SVG renderer: one element to restyle and repaint instead of one each, and
 * the path written straight from the points, without Leaflet's per-point conversion, clipping and
 * simplification (the lines are short). Written again only when asked or when the frame of layer
 * pixels changed.
 */
const WrittenPathClass = L.Polyline.extend({
  setPathOf(this: PathInternals, pathOf: (map: L.Map, frame: string) => string) {
    this._pathOf = pathOf;
    this._frame = null;
    this._update();
  },

  // Projected as written (`_update`).
  _project() {},

  // Added (again): a new element, to be written whatever the frame.
  _reset(this: PathInternals) {
    this._frame = null;
    this._update();
  },

  _update(this: PathInternals) {
    const map = this._map;
    if (!map || !this._pathOf) return;
    const frame = frameOf(map);
    if (frame === this._frame) return;
    this._frame = frame;
    this._renderer._setPath(this, this._pathOf(map, frame));
  },
});

export function writtenPath(options: L.PolylineOptions): WrittenPath {
  return new (WrittenPathClass as unknown as new (latLngs: L.LatLngExpression[], options: L.PolylineOptions) => WrittenPath)([], { ...options, interactive: false });
}

/**
 * A point's layer pixels, as `map.latLngToLayerPoint` gives them, without the objects it makes:
 * for Leaflet's spherical Mercator (the map's CRS), written out, into one point reused by every
 * call; thousands of trail points are drawn at each replayed moment.
 */
export function layerPointOf(map: L.Map): (point: { lat: number; lon: number }) => { x: number; y: number } {
  if (map.options.crs !== L.CRS.EPSG3857) return (point) => map.latLngToLayerPoint([point.lat, point.lon]);
  const origin = map.getPixelOrigin();
  const scale = L.CRS.EPSG3857.scale(map.getZoom());
  // Leaflet's SphericalMercator.MAX_LATITUDE (not in its typings).
  const max = 85.0511287798;
  const at = { x: 0, y: 0 };
  return (point) => {
    const sin = Math.sin((Math.max(Math.min(max, point.lat), -max) * Math.PI) / 180);
    at.x = Math.round(scale * (point.lon / 360 + 0.5)) - origin.x;
    at.y = Math.round(scale * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI))) - origin.y;
    return at;
  };
}
