import type { Team } from '@lintas/contracts';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { TrailPoint } from '../../realtime/operation-state';
import { teamStatusLabel } from '../../ui/labels';
import { formatAge } from '../../ui/time-text';
import { useLeafletMap } from '../map-context';
import { escapeHtml, teamGlyph } from '../map-glyphs';

/** Call signs show from this zoom on, or always when there are few teams. */
export const TEAM_LABEL_ZOOM = 9;
const FEW_TEAMS = 60;

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

interface TeamMarker {
  marker: L.Marker;
  signature: string;
  heading: number | null;
  lat: number;
  lon: number;
}

/**
 * Teams: an arrow in the agency's colour turned to the heading, the call sign, the status as a
 * ring; stale positions drawn faded with their age; a short live trail on a canvas. Markers are
 * kept in a map keyed by team id (no React state per marker): an update moves a marker, turns
 * its arrow, and rebuilds its icon only when what it shows has changed.
 */
export function TeamsLayer({ teams, trails, visible, showTrails, colourOf, isStale, now, selectedId, onSelect }: TeamsLayerProps) {
  const map = useLeafletMap();
  const group = useRef<L.LayerGroup | null>(null);
  const trailGroup = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<string, TeamMarker>());
  const lines = useRef(new Map<string, { line: L.Polyline; points: readonly TrailPoint[] }>());
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const renderer = L.canvas({ padding: 0.2 });
    const markerLayer = L.layerGroup();
    const trailLayer = L.layerGroup();
    group.current = markerLayer;
    trailGroup.current = trailLayer;
    const knownMarkers = markers.current;
    const knownLines = lines.current;
    (trailLayer as L.LayerGroup & { renderer?: L.Renderer }).renderer = renderer;
    return () => {
      markerLayer.remove();
      trailLayer.remove();
      knownMarkers.clear();
      knownLines.clear();
      group.current = null;
      trailGroup.current = null;
    };
  }, [map]);

  // Labels: always for a handful of teams, from TEAM_LABEL_ZOOM for many.
  useEffect(() => {
    const update = () => map.getContainer().classList.toggle('map--team-labels', teams.length <= FEW_TEAMS || map.getZoom() >= TEAM_LABEL_ZOOM);
    update();
    map.on('zoomend', update);
    return () => {
      map.off('zoomend', update);
    };
  }, [map, teams.length]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    const seen = new Set<string>();
    for (const team of teams) {
      const position = team.lastPosition;
      if (!position) continue;
      seen.add(team.id);
      const stale = isStale(team);
      const age = stale ? formatAge(now - Date.parse(position.at)) : '';
      const colour = colourOf(team.agency.id);
      const hasHeading = position.heading !== null;
      const signature = `${team.callSign}|${team.status}|${stale}|${age}|${colour}|${hasHeading}|${team.id === selectedId}|${team.marking}`;
      let known = markers.current.get(team.id);
      if (!known) {
        const marker = L.marker([position.lat, position.lon], { keyboard: false, riseOnHover: true });
        marker.on('click', () => select.current(team.id));
        marker.addTo(layer);
        known = { marker, signature: '', heading: null, lat: position.lat, lon: position.lon };
        markers.current.set(team.id, known);
      } else if (known.lat !== position.lat || known.lon !== position.lon) {
        known.marker.setLatLng([position.lat, position.lon]);
        known.lat = position.lat;
        known.lon = position.lon;
      }
      if (known.signature !== signature) {
        const classes = ['team-marker', `team-marker--${team.status}`, stale ? 'team-marker--stale' : '', team.id === selectedId ? 'team-marker--selected' : ''];
        known.marker.setIcon(
          L.divIcon({
            className: classes.filter(Boolean).join(' '),
            html:
              `<span class="tm__symbol" style="--agency:${colour}">${teamGlyph(position.heading)}</span>` +
              `<span class="tm__label">${escapeHtml(team.callSign)}${stale ? ` <span class="tm__age">${escapeHtml(age)}</span>` : ''}</span>`,
            iconSize: [26, 26],
            iconAnchor: [13, 13],
          }),
        );
        known.marker.options.title = `${team.callSign} — ${team.agency.code} — ${teamStatusLabel(team.status)}`;
        known.signature = signature;
        known.heading = position.heading; // drawn turned
      } else if (known.heading !== position.heading) {
        const arrow = known.marker.getElement()?.querySelector<SVGElement>('.tm__arrow');
        if (arrow) {
          arrow.style.transform = `rotate(${position.heading ?? 0}deg)`;
          known.heading = position.heading;
        } else {
          known.signature = ''; // not on the map now: rebuilt, turned, when next shown
        }
      }
    }
    for (const [id, known] of markers.current) {
      if (!seen.has(id)) {
        known.marker.remove();
        markers.current.delete(id);
      }
    }
  }, [teams, colourOf, isStale, now, selectedId]);

  useEffect(() => {
    const layer = trailGroup.current;
    if (!layer) return;
    const renderer = (layer as L.LayerGroup & { renderer?: L.Renderer }).renderer;
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
        const line = L.polyline(latLngs, { renderer, interactive: false, color: colourOf(team.agency.id), weight: 2.5, opacity: 0.7, className: 'team-trail' });
        line.addTo(layer);
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
    const markerLayer = group.current;
    const trailLayer = trailGroup.current;
    if (!markerLayer || !trailLayer) return;
    if (visible) markerLayer.addTo(map);
    else markerLayer.remove();
    if (visible && showTrails) trailLayer.addTo(map);
    else trailLayer.remove();
  }, [map, visible, showTrails]);

  return null;
}
