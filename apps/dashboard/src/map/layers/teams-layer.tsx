import type { Team } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useEffectEvent, useRef } from 'react';
import type { TrailPoint } from '../../realtime/operation-state';
import { teamStatusLabel } from '../../ui/labels';
import { formatAge } from '../../ui/time-text';
import { markingClass } from '../../ui/marking-label';
import { escapeHtml } from '../map-glyphs';
import { useLeafletMap } from '../map-context';
import { stackLabels } from './label-stacking';
import { TeamLabel } from './team-label';
import { OBSTACLES_CHANGED, obstaclesInView } from './marker-obstacles';
import { TeamPlacement } from './team-placement';
import { teamGlyph, type TeamGlyphStyle } from './team-glyph';
import { type Drawn, focusable, NO_OFFSET, soon, TEAMS_PANE, TRAILS_PANE } from './drawn-team';
import { writtenPath, type WrittenPath } from './trails-line';
import { legsPath } from './trails-path';
import { TrailsByColour } from './trails-by-colour';

/** Call signs show from this zoom on, or always when there are few teams. */
export const TEAM_LABEL_ZOOM = 11;
const FEW_TEAMS = 60;
/** A label's height and the width it may cover, in pixels, for stacking labels clear of each other. */
const LABEL_ROW_PX = 20;
const LABEL_WIDTH_PX = 260;
/** Main-thread time given to drawing glyphs at their new offsets, per frame. */
const OFFSETS_SLICE_MS = 8;

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

/**
 * Teams (see `TeamGlyph`) with a short live trail each, on one SVG renderer of their own. Glyphs
 * are kept in a map keyed by team id (no React state per marker): an update moves a glyph, and
 * restyles it only when what it shows has changed. Call signs are tooltips, only for the teams in
 * view, and only when few teams are shown or the map is zoomed in; labels that would cover one
 * another are moved down a row (`stackLabels`). Teams on one place fan out into a column, and a
 * glyph a report marker or cluster would touch is drawn beside it (`placeTeams`, with what the
 * report layers publish in `marker-obstacles`); its label goes with it. A position update touches
 * only the teams whose objects changed. The map element carries
 * `data-teams-drawn` and `data-team-moves` (glyphs on the map, moves drawn so far) for the
 * tests and the benchmark.
 */
export function TeamsLayer({ teams, trails, visible, showTrails, colourOf, isStale, now, selectedId, onSelect }: TeamsLayerProps) {
  const map = useLeafletMap();
  const layers = useRef<{ glyphs: L.LayerGroup; trails: L.LayerGroup; renderer: L.Renderer; linesRenderer: L.Renderer } | null>(null);
  const drawn = useRef(new Map<string, Drawn>());
  /** The trails, one path per colour (made with the layers). */
  const trailLines = useRef<TrailsByColour | null>(null);
  /** Whether the legs path needs writing again: a glyph away from its place moved, came, went or was placed elsewhere. */
  const legsStale = useRef(false);
  const select = useEffectEvent((id: string) => onSelect(id));
  const moves = useRef(0);
  const syncLabels = useRef<() => void>(() => undefined);
  /** Fans out every team on one place and keeps them clear of report markers; true when a glyph moved. */
  const placeGlyphs = useRef<() => boolean>(() => false);
  /**
   * At the next frame, once however often asked: places the glyphs — all of them when `all`, else
   * only around the teams in `moved` — and stacks the labels when asked or when a glyph moved.
   */
  const placeSoon = useRef<(ask: { labels?: boolean; all?: boolean; moved?: string }) => void>(() => undefined);
  /** What every glyph's look depends on besides its team: when these are unchanged, an unchanged team is skipped. */
  const drawnWith = useRef<unknown[]>([]);

  useEffect(() => {
    if (!map.getPane(TEAMS_PANE)) map.createPane(TEAMS_PANE).style.zIndex = '620';
    if (!map.getPane(TRAILS_PANE)) map.createPane(TRAILS_PANE).style.zIndex = '619';
    const renderer = L.svg({ pane: TEAMS_PANE, padding: 0.1 });
    const linesRenderer = L.svg({ pane: TRAILS_PANE, padding: 0.1 });
    const created = { glyphs: L.layerGroup(), trails: L.layerGroup(), renderer, linesRenderer };
    layers.current = created;
    trailLines.current = new TrailsByColour(created.trails, linesRenderer);
    const known = drawn.current;

    syncLabels.current = () => {
      const show = known.size <= FEW_TEAMS || map.getZoom() >= TEAM_LABEL_ZOOM;
      const view = map.getBounds().pad(0.1);
      const on = map.hasLayer(created.glyphs);
      const wanted = [...known.entries()].filter(([, team]) => on && (team.selected || (show && view.contains([team.lat, team.lon]))));
      const rows = stackLabels(
        wanted.map(([id, team]) => {
          const { x, y } = map.latLngToContainerPoint([team.lat, team.lon]);
          return { id, x: x + team.dx, y: y + team.dy };
        }),
        LABEL_ROW_PX,
        LABEL_WIDTH_PX,
      );
      for (const [id, team] of known) {
        const row = rows.get(id);
        if (row === undefined) {
          if (team.shown !== null) {
            team.glyph.unbindTooltip();
            team.shown = null;
          }
          continue;
        }
        // Beside the glyph where it is drawn (fanned out or not), moved down by its row.
        const offset: L.PointTuple = [12 + team.dx, team.dy + row * LABEL_ROW_PX];
        const tooltip = team.glyph.getTooltip();
        if (team.shown !== null && tooltip && (team.row !== row || String(tooltip.options.offset) !== String(offset))) {
          tooltip.options.offset = offset;
          tooltip.update();
        }
        team.row = row;
        if (team.shown === null) {
          const className = team.stale ? 'team-label team-label--stale' : 'team-label';
          team.glyph.bindTooltip(new TeamLabel({ permanent: true, direction: 'right', offset, className }).setContent(team.label), { permanent: true }).openTooltip();
          team.shown = team.label;
        } else if (team.shown !== team.label) {
          team.glyph.setTooltipContent(team.label);
          team.shown = team.label;
        }
      }
    };
    // The legs of every glyph drawn away from its place: one path, written once a placement is drawn.
    const legs = writtenPath({ renderer: linesRenderer, weight: 1.5, className: 'team-leg' }).addTo(created.glyphs) as WrittenPath;
    const writeLegs = (on: L.Map) => legsPath(known.values(), (lat, lon) => on.latLngToLayerPoint([lat, lon]));
    const drawLegs = () => {
      if (!legsStale.current) return;
      legsStale.current = false;
      legs.setPathOf(writeLegs);
    };
    // Where glyphs are drawn, kept from one placement to the next: a position flush places again
    // only the teams near the ones that moved (`TeamPlacement`), in layer pixels, which a pan does
    // not change; a zoom (a new pixel origin), a move of the map or new report markers place all.
    const placement = new TeamPlacement();
    let placedIn = '';
    const frame = () => {
      const origin = map.getPixelOrigin();
      return `${map.getZoom()}|${origin.x},${origin.y}`;
    };
    const offsetTo = (team: Drawn, { dx, dy }: { dx: number; dy: number }) => {
      if (team.dx === dx && team.dy === dy) return false;
      legsStale.current = true;
      team.dx = dx;
      team.dy = dy;
      team.glyph.setOffset(dx, dy);
      return true;
    };
    /** Every team's offset, placed anew (teams out of view, or the layer off: none). */
    const placeAll = () => {
      const on = map.hasLayer(created.glyphs);
      const view = map.getBounds().pad(0.1);
      const points: { id: string; x: number; y: number }[] = [];
      if (on) for (const [id, team] of known) if (view.contains([team.lat, team.lon])) points.push({ id, ...map.latLngToLayerPoint([team.lat, team.lon]) });
      placedIn = frame();
      const offsets = placement.placeAll(points, on ? obstaclesInView(map, view.pad(0.2)) : []);
      return new Map([...known.keys()].map((id) => [id, offsets.get(id) ?? NO_OFFSET]));
    };
    /** The offsets to draw after teams moved (came, went): the moved teams' own first (their legs start from the new place), then their neighbours' that changed. */
    const placeAround = (ids: ReadonlySet<string>) => {
      if (!map.hasLayer(created.glyphs) || placedIn !== frame()) return placeAll();
      const view = map.getBounds().pad(0.1);
      const moved: { id: string; x: number; y: number }[] = [];
      const gone: string[] = [];
      for (const id of ids) {
        const team = known.get(id);
        if (team && view.contains([team.lat, team.lon])) moved.push({ id, ...map.latLngToLayerPoint([team.lat, team.lon]) });
        else gone.push(id);
      }
      const changed = placement.placeMoved(moved, gone);
      const offsets = new Map<string, { dx: number; dy: number }>();
      for (const id of ids) if (known.has(id)) offsets.set(id, placement.offsetOf(id));
      for (const [id, offset] of changed) if (known.has(id)) offsets.set(id, offset);
      return offsets;
    };
    // Offsets placed but not drawn yet. Drawing them (the glyph's path, its leg) is what costs:
    // a crowded view shifts whole columns when one of their teams moves. They are drawn in slices
    // of OFFSETS_SLICE_MS, one a frame, so that no frame of a position load runs long; the labels
    // follow once all are drawn.
    const undrawn = new Map<string, { dx: number; dy: number }>();
    let drawing: (() => void) | null = null;
    let glyphMoved = false;
    let labelsToo = false;
    const drawSlice = () => {
      drawing = null;
      const until = performance.now() + OFFSETS_SLICE_MS;
      for (const [id, offset] of undrawn) {
        undrawn.delete(id);
        const team = known.get(id);
        if (team) glyphMoved = offsetTo(team, offset) || glyphMoved;
        if (performance.now() > until) break;
      }
      drawLegs();
      if (undrawn.size > 0) {
        drawing = soon(drawSlice);
        return;
      }
      if (glyphMoved || labelsToo) syncLabels.current();
      glyphMoved = labelsToo = false;
    };
    /** Places and draws every glyph at once (a move of the map, the layer shown): what was waiting is superseded. */
    placeGlyphs.current = () => {
      drawing?.();
      drawing = null;
      undrawn.clear();
      let moved = false;
      for (const [id, offset] of placeAll()) {
        const team = known.get(id);
        if (team) moved = offsetTo(team, offset) || moved;
      }
      drawLegs();
      return moved;
    };
    const onMove = () => {
      placeGlyphs.current();
      syncLabels.current();
    };
    // Placing is done a frame after the moves, so a flush of positions is two shorter tasks, and
    // once for however many asked in between — moves, and both report layers publishing after a draw.
    let placing: (() => void) | null = null;
    let all = false;
    const moved = new Set<string>();
    placeSoon.current = (ask) => {
      labelsToo ||= ask.labels ?? false;
      all ||= ask.all ?? false;
      if (ask.moved !== undefined) moved.add(ask.moved);
      placing ??= soon(() => {
        placing = null;
        for (const [id, offset] of all ? placeAll() : placeAround(moved)) {
          undrawn.delete(id); // drawn in the order of this placement: moved teams first
          undrawn.set(id, offset);
        }
        all = false;
        moved.clear();
        drawing?.();
        drawSlice();
      });
    };
    // Report markers and clusters drawn anew: keep the glyphs clear of them.
    const onObstacles = () => placeSoon.current({ all: true });
    map.on('moveend', onMove);
    map.on(OBSTACLES_CHANGED, onObstacles);
    // SVG attributes cannot follow CSS variables: restyle when the theme changes.
    const themeWatch = typeof MutationObserver === 'undefined' ? null : new MutationObserver(() => known.forEach(({ glyph }) => glyph.restyle()));
    themeWatch?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      themeWatch?.disconnect();
      placing?.();
      drawing?.();
      map.off('moveend', onMove);
      map.off(OBSTACLES_CHANGED, onObstacles);
      created.glyphs.remove();
      created.trails.remove();
      known.clear();
      trailLines.current = null;
      layers.current = null;
    };
  }, [map]);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    const seen = new Set<string>();
    let labelsChanged = false;
    /** Teams that came, moved or went: placed again with their neighbours at the next frame. */
    const placesChanged: string[] = [];
    // A position flush replaces only the teams that moved: with the same look, the others need nothing.
    const inputs = [colourOf, isStale, now, selectedId];
    const sameLook = inputs.length === drawnWith.current.length && inputs.every((input, index) => input === drawnWith.current[index]);
    drawnWith.current = inputs;
    for (const team of teams) {
      const position = team.lastPosition;
      if (!position) continue;
      seen.add(team.id);
      if (sameLook && drawn.current.get(team.id)?.team === team) continue;
      const stale = isStale(team);
      const style: TeamGlyphStyle = {
        colour: colourOf(team.agency.id),
        heading: position.heading,
        stale,
        engaged: team.status === 'engaged',
        offDuty: team.status === 'off_duty',
        selected: team.id === selectedId,
      };
      // What needs a restyle; a new position or heading only needs the path drawn again.
      const signature = `${style.colour}|${stale}|${team.status}|${style.selected}`;
      // The label carries the team's marking, like every item on screen, as its written label (a
      // coloured dot beside a team read as a status light), and its status.
      const before = drawn.current.get(team.id);
      // Unchanged words (the common update, a new position) keep the label written: it is built for every team of a replayed moment.
      const sameWords = before !== undefined && !stale && !before.stale && before.team.callSign === team.callSign && before.team.marking === team.marking && before.team.status === team.status;
      const label = sameWords
        ? before.label
        : `${escapeHtml(team.callSign)} <span class="${markingClass(team.marking)} team-label__marking">${escapeHtml(team.marking)}</span>` +
        ` <span class="team-label__status">${escapeHtml(teamStatusLabel(team.status))}</span>` +
        (stale ? ` <span class="team-label__age">${escapeHtml(formatAge(now - Date.parse(position.at)))}</span>` : '');
      let known = before;
      if (!known) {
        const glyph = teamGlyph([position.lat, position.lon], style, current.renderer);
        glyph.on('click', () => select(team.id));
        glyph.on('add', () => focusable(glyph, team.callSign, () => select(team.id)));
        glyph.addTo(current.glyphs);
        known = { glyph, team, signature, lat: position.lat, lon: position.lon, heading: position.heading, label, stale, selected: style.selected, shown: null, row: 0, dx: 0, dy: 0 };
        drawn.current.set(team.id, known);
        labelsChanged = true;
        placesChanged.push(team.id);
        continue;
      }
      known.team = team;
      if (known.signature !== signature) {
        known.glyph.setGlyph(style);
        known.signature = signature;
      }
      if (known.lat !== position.lat || known.lon !== position.lon || known.heading !== position.heading) {
        known.glyph.moveTo(position.lat, position.lon, position.heading);
        if (known.lat !== position.lat || known.lon !== position.lon) {
          moves.current++;
          if (known.dx !== 0 || known.dy !== 0) legsStale.current = true; // its leg starts from the new place
          placesChanged.push(team.id);
          if (known.shown !== null) labelsChanged = true; // its label may now meet another: stacked again
        }
        known.lat = position.lat;
        known.lon = position.lon;
        known.heading = position.heading;
      }
      if (known.label !== label || known.stale !== stale || known.selected !== style.selected) {
        if (known.stale !== stale && known.shown !== null) {
          known.glyph.unbindTooltip(); // its class shows staleness: bound again by syncLabels
          known.shown = null;
        }
        known.label = label;
        known.stale = stale;
        known.selected = style.selected;
        labelsChanged = true;
      }
    }
    for (const [id, known] of drawn.current) {
      if (!seen.has(id)) {
        known.glyph.remove();
        if (known.dx !== 0 || known.dy !== 0) legsStale.current = true;
        drawn.current.delete(id);
        labelsChanged = true;
        placesChanged.push(id);
      }
    }
    // A glyph fanned out or pushed aside carries its label with it.
    for (const id of placesChanged) placeSoon.current({ labels: labelsChanged, moved: id });
    if (placesChanged.length === 0 && labelsChanged) syncLabels.current();
    const element = map.getContainer();
    element.dataset.teamsDrawn = String(map.hasLayer(current.glyphs) ? drawn.current.size : 0);
    element.dataset.teamMoves = String(moves.current);
  }, [map, teams, colourOf, isStale, now, selectedId]);

  useEffect(() => {
    trailLines.current?.draw(teams, trails, colourOf);
  }, [map, teams, trails, colourOf]);

  useEffect(() => {
    const current = layers.current;
    if (!current) return;
    if (visible) current.glyphs.addTo(map);
    else current.glyphs.remove();
    if (visible && showTrails) current.trails.addTo(map);
    else current.trails.remove();
    placeGlyphs.current();
    syncLabels.current();
    map.getContainer().dataset.teamsDrawn = String(visible ? drawn.current.size : 0);
  }, [map, visible, showTrails]);

  return null;
}
