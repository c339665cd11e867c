import type { Team } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { TrailPoint } from '../../realtime/operation-state';
import { formatAge } from '../../ui/time-text';
import { useLeafletMap } from '../map-context';
import { type TeamGlyph, teamGlyph, type TeamGlyphStyle } from './team-glyph';

/** Call signs show from this zoom on, or always when there are few teams. */
export const TEAM_LABEL_ZOOM = 11;
const FEW_TEAMS = 60;
/** Above the reports' markers' pane (600), below popups. */
const TEAMS_PANE = 'lintas-teams';

export interface TeamsLayerProps {
  teams: readonly Team[];
  trails: ReadonlyMap<string, readonly TrailPoint[]>;
  visible: boolean;
  showTrails: boolean;
  /** CSS colour of each agency. */
  colourOf: (agencyId: string) => string;
  isStale: (team: Team) => boolean;
  now: number;
  selectedId: string | null;
  onSelect: (teamId: string) => void;
}

interface Drawn {
  glyph: TeamGlyph;
  signature: string;
  lat: number;
  lon: number;
}

/**
 * Teams on a canvas of their own (see `TeamGlyph`), with a short live trail each. Glyphs are kept
 * in a map keyed by team id (no React state per marker): an update moves a glyph, and restyles
 * it only when what it shows has changed. The map element carries `data-teams-drawn` and
 * `data-team-moves` (glyphs on the map, moves drawn so far) for the tests and the benchmark.
 */
export function TeamsLayer({ teams, trails, visible, showTrails, colourOf, isStale, now, selectedId, onSelect }: TeamsLayerProps) {
  const map = useLeafletMap();
  const layers = useRef<{ glyphs: L.LayerGroup; trails: L.LayerGroup; renderer: L.Canvas; trailRenderer: L.Canvas } | null>(null);
  const drawn = useRef(new Map<string, Drawn>());
  const lines = useRef(new Map<string, { line: L.Polyline; points: readonly TrailPoint[] }>());
  const select = useRef(onSelect);
  select.current = onSelect;
  const moves = useRef(0);
  const labels = useRef(false);

  useEffect(() => {
    if (!map.getPane(TEAMS_PANE)) map.createPane(TEAMS_PANE).style.zIndex = '620';
    const renderer = L.canvas({ pane: TEAMS_PANE, padding: 0.3, tolerance: 4 });
    const trailRenderer = L.canvas({ padding: 0.3 });
    const created = { glyphs: L.layerGroup(), trails: L.layerGroup(), renderer, trailRenderer };
    layers.current = created;
    const knownGlyphs = drawn.current;
    const knownLines = lines.current;
    // The canvas takes its colours from the theme: draw again when the theme changes.
    const themeWatch = typeof MutationObserver === 'undefined' ? null : new MutationObserver(() => knownGlyphs.forEach(({ glyph }) => glyph.redraw()));
    themeWatch?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      themeWatch?.disconnect();
      created.glyphs.remove();
      created.trails.remove();
      renderer.remove();
      trailRenderer.remove();
      knownGlyphs.clear();
      knownLines.clear();
      layers.current = null;
    };
  }, [map]);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    const showLabels = () => teams.length <= FEW_TEAMS || map.getZoom() >= TEAM_LABEL_ZOOM;
    labels.current = showLabels();
    const seen = new Set<string>();
    for (const team of teams) {
      const position = team.lastPosition;
      if (!position) continue;
      seen.add(team.id);
      const stale = isStale(team);
      const style: TeamGlyphStyle = {
        colour: colourOf(team.agency.id),
        heading: position.heading,
        label: team.callSign,
        age: stale ? formatAge(now - Date.parse(position.at)) : '',
        stale,
        engaged: team.status === 'engaged',
        offDuty: team.status === 'off_duty',
        selected: team.id === selectedId,
        showLabel: labels.current || team.id === selectedId,
      };
      const signature = `${style.colour}|${style.heading}|${style.label}|${style.age}|${stale}|${team.status}|${style.selected}|${style.showLabel}`;
      let known = drawn.current.get(team.id);
      if (!known) {
        const glyph = teamGlyph([position.lat, position.lon], style, current.renderer);
        glyph.on('click', () => select.current(team.id));
        glyph.addTo(current.glyphs);
        known = { glyph, signature, lat: position.lat, lon: position.lon };
        drawn.current.set(team.id, known);
        continue;
      }
      if (known.lat !== position.lat || known.lon !== position.lon) {
        known.glyph.setLatLng([position.lat, position.lon]);
        known.lat = position.lat;
        known.lon = position.lon;
        moves.current++;
      }
      if (known.signature !== signature) {
        known.glyph.setStyle(style);
        known.signature = signature;
      }
    }
    for (const [id, known] of drawn.current) {
      if (!seen.has(id)) {
        known.glyph.remove();
        drawn.current.delete(id);
      }
    }
    const element = map.getContainer();
    element.dataset.teamsDrawn = String(map.hasLayer(current.glyphs) ? drawn.current.size : 0);
    element.dataset.teamMoves = String(moves.current);
  }, [map, teams, colourOf, isStale, now, selectedId]);

  // Labels follow the zoom: restyle only when crossing the threshold.
  useEffect(() => {
    const update = () => {
      const show = teams.length <= FEW_TEAMS || map.getZoom() >= TEAM_LABEL_ZOOM;
      if (show === labels.current) return;
      labels.current = show;
      for (const [id, known] of drawn.current) {
        const showLabel = show || id === selectedId;
        known.glyph.setStyle({ showLabel });
        known.signature = known.signature.replace(/\|(true|false)$/, `|${showLabel}`);
      }
    };
    map.on('zoomend', update);
    return () => {
      map.off('zoomend', update);
    };
  }, [map, teams.length, selectedId]);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    const shown = new Set<string>();
    for (const team of teams) {
      const points = trails.get(team.id);
      if (!points || points.length < 2) continue;
      shown.add(team.id);
      const known = lines.current.get(team.id);
      if (known?.points === points) continue;
      const latLngs = points.map((point) => [point.lat, point.lon] as L.LatLngTuple);
      if (known) {
        known.line.setLatLngs(latLngs);
        known.points = points;
      } else {
        const line = L.polyline(latLngs, { renderer: current.trailRenderer, interactive: false, color: colourOf(team.agency.id), weight: 2.5, opacity: 0.7 });
        line.addTo(current.trails);
        lines.current.set(team.id, { line, points });
      }
    }
    for (const [id, known] of lines.current) {
      if (!shown.has(id)) {
        known.line.remove();
        lines.current.delete(id);
      }
    }
  }, [teams, trails, colourOf]);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    if (visible) current.glyphs.addTo(map);
    else current.glyphs.remove();
    if (visible && showTrails) current.trails.addTo(map);
    else current.trails.remove();
    map.getContainer().dataset.teamsDrawn = String(visible ? drawn.current.size : 0);
  }, [map, visible, showTrails]);

  return null;
}
