import L from 'leaflet';

/**
 * A team drawn on a canvas: a disc ringed in the agency's colour with an arrow turned to the
 * heading (a dot when unknown), a red ring when engaged, dashed when off duty, faded when stale,
 * and, when asked, the call sign (and the age of a stale position) in a label. Five hundred of
 * these move a hundred times a second without a DOM element each: a move redraws only the
 * canvas region it touched.
 */
export interface TeamGlyphStyle {
  colour: string;
  heading: number | null;
  label: string;
  /** The age of a stale position, '' when fresh. */
  age: string;
  stale: boolean;
  engaged: boolean;
  offDuty: boolean;
  selected: boolean;
  showLabel: boolean;
}

export type TeamGlyph = L.CircleMarker & { options: L.CircleMarkerOptions & TeamGlyphStyle; setStyle(style: Partial<TeamGlyphStyle> & L.PathOptions): TeamGlyph };

const RADIUS = 11;
const LABEL_FONT = '600 12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

/** Leaflet's canvas internals the glyph draws with (not in its type definitions). */
interface CanvasInternals {
  _renderer: { _ctx: CanvasRenderingContext2D; _drawing: boolean };
  _point: L.Point;
  _radius: number;
  _pxBounds: L.Bounds;
  _empty(): boolean;
}

const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null = null;

function labelWidth(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (measurer) measurer.font = LABEL_FONT;
    width = Math.ceil(measurer?.measureText(text).width ?? text.length * 7.5) + 10;
    if (widths.size > 5000) widths.clear();
    widths.set(text, width);
  }
  return width;
}

interface Palette {
  surface: string;
  text: string;
  warn: string;
  danger: string;
  accent: string;
  label: string;
}
let palette: { theme: string | undefined; colours: Palette } | null = null;

/** The theme's colours (CSS variables), read once per theme. */
function colours(): Palette {
  const theme = document.documentElement.dataset.theme;
  if (!palette || palette.theme !== theme) {
    const style = getComputedStyle(document.documentElement);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    palette = {
      theme,
      colours: {
        surface: read('--surface', '#111a24'),
        text: read('--text', '#d9e2ec'),
        warn: read('--warn', '#f5b942'),
        danger: read('--danger', '#ff6b6b'),
        accent: read('--accent', '#4fb3ff'),
        label: read('--map-control-bg', 'rgba(17, 26, 36, 0.85)'),
      },
    };
  }
  return palette.colours;
}

const TeamGlyphClass = L.CircleMarker.extend({
  _updateBounds(this: CanvasInternals & { options: TeamGlyphStyle }) {
    const p = this._point;
    const r = this._radius + 6;
    const right = this.options.showLabel ? labelWidth(labelText(this.options)) + 6 : 0;
    this._pxBounds = new L.Bounds(p.subtract([r, r]), p.add([r + right, r]));
  },

  _updatePath(this: CanvasInternals & { options: TeamGlyphStyle }) {
    const renderer = this._renderer;
    if (!renderer._drawing || this._empty()) return;
    const ctx = renderer._ctx;
    const { x, y } = this._point;
    const o = this.options;
    const c = colours();
    ctx.save();
    ctx.globalAlpha = o.stale ? 0.45 : 1;

    if (o.selected) {
      ctx.beginPath();
      ctx.arc(x, y, RADIUS + 5, 0, Math.PI * 2);
      ctx.strokeStyle = c.accent;
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    if (o.engaged) {
      ctx.beginPath();
      ctx.arc(x, y, RADIUS + 3, 0, Math.PI * 2);
      ctx.strokeStyle = c.danger;
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.arc(x, y, RADIUS, 0, Math.PI * 2);
    ctx.fillStyle = c.surface;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = o.colour;
    ctx.setLineDash(o.offDuty ? [3, 3] : []);
    ctx.stroke();
    ctx.setLineDash([]);

    ctx.fillStyle = o.colour;
    if (o.heading === null) {
      ctx.beginPath();
      ctx.arc(x, y, 5, 0, Math.PI * 2);
      ctx.fill();
    } else {
      const angle = (o.heading * Math.PI) / 180;
      ctx.translate(x, y);
      ctx.rotate(angle);
      ctx.beginPath();
      ctx.moveTo(0, -8);
      ctx.lineTo(6, 7);
      ctx.lineTo(0, 3.5);
      ctx.lineTo(-6, 7);
      ctx.closePath();
      ctx.fill();
    }
    ctx.restore(); // also undoes the turn, back to Leaflet's own offset of the canvas


    if (o.showLabel) {
      ctx.save();
      ctx.globalAlpha = o.stale ? 0.75 : 1;
      ctx.font = LABEL_FONT;
      const text = labelText(o);
      const width = labelWidth(text);
      const left = x + RADIUS + 4;
      ctx.fillStyle = c.label;
      ctx.fillRect(left, y - 9, width, 18);
      ctx.textBaseline = 'middle';
      ctx.fillStyle = c.text;
      ctx.fillText(o.label, left + 5, y + 0.5);
      if (o.age) {
        ctx.fillStyle = c.warn;
        ctx.fillText(o.age, left + 5 + labelWidth(`${o.label} `) - 10, y + 0.5);
      }
      ctx.restore();
    }
  },
});

function labelText(style: TeamGlyphStyle): string {
  return style.age ? `${style.label} ${style.age}` : style.label;
}

export function teamGlyph(latLng: L.LatLngExpression, style: TeamGlyphStyle, renderer: L.Renderer): TeamGlyph {
  return new (TeamGlyphClass as unknown as new (latLng: L.LatLngExpression, options: L.CircleMarkerOptions & TeamGlyphStyle) => TeamGlyph)(latLng, {
    ...style,
    renderer,
    radius: RADIUS,
    interactive: true,
    bubblingMouseEvents: false,
  });
}
