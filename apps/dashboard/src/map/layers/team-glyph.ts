import L from 'leaflet';

/**
 * A team on the map: a disc in the agency's colour with an arrow cut out of it, turned to the
 * heading (a dot when unknown), ringed in the theme's text colour; a thick red ring when engaged,
 * dashed when off duty, faded when stale.
 * One SVG path per team, on a renderer of their own: moving one repaints only where it was and
 * where it goes. (A canvas was tried first: without a GPU the browser copies the whole canvas on
 * every frame that changes it, which made a hundred moves a second cost a frame each.)
 */
export interface TeamGlyphStyle {
  colour: string;
  heading: number | null;
  stale: boolean;
  engaged: boolean;
  offDuty: boolean;
  selected: boolean;
}

export type TeamGlyph = L.CircleMarker & {
  /** Restyles, and redraws the shape when the heading changed. */
  setGlyph(style: TeamGlyphStyle): void;
  moveTo(lat: number, lon: number, heading: number | null): void;
  /** Draws the glyph this many pixels away from its place (fanned out, clear of report markers); redraws only on a change. */
  setOffset(dx: number, dy: number): void;
  restyle(): void;
};

const RADIUS = 11;

/** Leaflet's SVG internals the glyph draws with (not in its type definitions). */
interface SvgInternals {
  _renderer: { _setPath(layer: unknown, d: string): void };
  _point: L.Point;
  _empty(): boolean;
  options: L.CircleMarkerOptions & TeamGlyphStyle & { dx?: number; dy?: number };
}

/** Arrow outline pointing up, around (0, 0), in pixels. */
const ARROW: ReadonlyArray<[number, number]> = [
  [0, -8],
  [6, 7],
  [0, 3.5],
  [-6, 7],
];

export function glyphPath(x: number, y: number, heading: number | null): string {
  const r = RADIUS;
  const arc = `a${r},${r} 0 1,0 `;
  let d = `M${x - r},${y}${arc}${r * 2},0 ${arc}${-r * 2},0 `;
  if (heading === null) {
    const dot = 4;
    const small = `a${dot},${dot} 0 1,0 `;
    d += `M${x - dot},${y}${small}${dot * 2},0 ${small}${-dot * 2},0 `;
  } else {
    const angle = (heading * Math.PI) / 180;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    d += ARROW.map(([ax, ay], index) => `${index === 0 ? 'M' : 'L'}${(x + ax * cos - ay * sin).toFixed(1)},${(y + ax * sin + ay * cos).toFixed(1)}`).join('') + 'Z';
  }
  return d;
}

let palette: { theme: string | undefined; accent: string; danger: string; ring: string } | null = null;

/** The theme's colours (SVG attributes cannot use CSS variables), read once per theme. */
function themeColours(): { accent: string; danger: string; ring: string } {
  const theme = typeof document === 'undefined' ? undefined : document.documentElement.dataset.theme;
  if (!palette || palette.theme !== theme) {
    const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
    palette = {
      theme,
      accent: style?.getPropertyValue('--accent').trim() || '#4fb3ff',
      danger: style?.getPropertyValue('--danger').trim() || '#ff6b6b',
      // The ring in the theme's text colour: a disc of any agency colour stands out on land and sea alike.
      ring: style?.getPropertyValue('--text').trim() || '#d9e2ec',
    };
  }
  return palette;
}

function pathOptions(style: TeamGlyphStyle): L.PathOptions {
  const { accent, danger, ring } = themeColours();
  return {
    color: style.selected ? accent : style.engaged ? danger : ring,
    weight: style.selected ? 4 : style.engaged ? 3.5 : 1.5,
    dashArray: style.offDuty ? '3 3' : undefined,
    fillColor: style.colour,
    fillOpacity: style.stale ? 0.35 : 1,
    opacity: style.stale ? 0.5 : 1,
    fillRule: 'evenodd',
    className: 'team-glyph',
  };
}

const TeamGlyphClass = L.CircleMarker.extend({
  _updatePath(this: SvgInternals) {
    if (this._empty()) return;
    const { dx = 0, dy = 0 } = this.options;
    this._renderer._setPath(this, glyphPath(this._point.x + dx, this._point.y + dy, this.options.heading));
  },

  setOffset(this: SvgInternals & L.CircleMarker, dx: number, dy: number) {
    if ((this.options.dx ?? 0) === dx && (this.options.dy ?? 0) === dy) return;
    this.options.dx = dx;
    this.options.dy = dy;
    this.redraw();
  },

  /** Colours again after a theme change. */
  restyle(this: SvgInternals & L.CircleMarker) {
    this.setStyle(pathOptions(this.options));
  },

  setGlyph(this: SvgInternals & L.CircleMarker, style: TeamGlyphStyle) {
    const turned = this.options.heading !== style.heading;
    L.Util.setOptions(this, style);
    this.setStyle(pathOptions(style));
    if (turned) this.redraw();
  },

  /** Moves and turns with one redraw (the common update: a new position). */
  moveTo(this: SvgInternals & L.CircleMarker, lat: number, lon: number, heading: number | null) {
    this.options.heading = heading;
    this.setLatLng([lat, lon]);
  },
});

export function teamGlyph(latLng: L.LatLngExpression, style: TeamGlyphStyle, renderer: L.Renderer): TeamGlyph {
  return new (TeamGlyphClass as unknown as new (latLng: L.LatLngExpression, options: L.CircleMarkerOptions & TeamGlyphStyle) => TeamGlyph)(latLng, {
    ...style,
    ...pathOptions(style),
    renderer,
    radius: RADIUS,
    interactive: true,
    bubblingMouseEvents: false,
  });
}
