import type { Site, Task, Team } from '@lintas/contracts';
import { isTaskOpen } from '@lintas/contracts/plain';
import L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { useLeafletMap } from '../../map/map-context';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { mapPick, useMapPick } from './map-pick';

/** Where a task sends its team: its point, else its site's. */
export function taskTarget(task: Task, sites: readonly Site[]): { lat: number; lon: number } | null {
  if (task.target.lat !== null && task.target.lon !== null) return { lat: task.target.lat, lon: task.target.lon };
  const site = task.target.siteId ? sites.find((candidate) => candidate.id === task.target.siteId) : undefined;
  return site ? { lat: site.lat, lon: site.lon } : null;
}

/**
 * Open tasks on the map: each target as a ring, with a dashed line from its team's last position
 * (overdue ones in the alert colour). Also takes the click of a target being picked for a new task.
 */
export function TasksLayer({ sites, visible }: { sites: readonly Site[]; visible: boolean }) {
  const map = useLeafletMap();
  const tasks = useOperationSelector((state) => state.tasks);
  const teams = useOperationSelector((state) => state.teams);
  // A hundred positions a second must not redraw every task: only a move of a team with an open
  // task changes this text (the positions its lines start from), and so the layer.
  const linesFrom = useMemo(() => JSON.stringify(taskedPositions(tasks, teams)), [tasks, teams]);
  const group = useRef<L.LayerGroup | null>(null);
  const pick = useMapPick();

  useEffect(() => {
    const layer = L.layerGroup();
    group.current = layer;
    return () => {
      layer.remove();
      group.current = null;
    };
  }, [map]);

  useEffect(() => {
    const layer = group.current;
    if (!layer) return;
    layer.clearLayers();
    const from = new Map(JSON.parse(linesFrom) as [string, [number, number]][]);
    for (const task of tasks.values()) {
      if (!isTaskOpen(task.state)) continue;
      if (task.target.area) {
        L.polygon(
          task.target.area.map(([lon, lat]) => [lat, lon] as [number, number]),
          { className: `task-area${task.leftArea ? ' task-line--overdue' : ''}`, weight: 2, dashArray: '4 4', fillOpacity: 0.05, interactive: false },
        ).addTo(layer);
      }
      const target = taskTarget(task, sites);
      if (!target) continue;
      const className = `task-target task-target--${task.state}${task.overdue ? ' task-target--overdue' : ''}`;
      L.circleMarker([target.lat, target.lon], { radius: 9, className, weight: 3, fillOpacity: 0.15 })
        .bindTooltip(task.title)
        .addTo(layer)
        .getElement?.()
        ?.setAttribute('data-task-id', task.id);
      const start = from.get(task.teamId);
      if (start) {
        L.polyline(
          [start, [target.lat, target.lon]],
          { className: `task-line${task.overdue ? ' task-line--overdue' : ''}`, weight: 2, dashArray: '6 6', interactive: false },
        ).addTo(layer);
      }
    }
    if (visible && !map.hasLayer(layer)) layer.addTo(map);
    if (!visible && map.hasLayer(layer)) layer.remove();
  }, [map, tasks, linesFrom, sites, visible]);

  useEffect(() => {
    if (!pick.active) return;
    const container = map.getContainer();
    container.classList.add('map--picking');
    const onClick = (event: L.LeafletMouseEvent) => mapPick.answer({ lat: event.latlng.lat, lon: event.latlng.lng });
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      container.classList.remove('map--picking');
    };
  }, [map, pick.active]);

  // The area being drawn for a new task.
  useEffect(() => {
    if (pick.area.length === 0) return;
    const drawn = L.polygon(pick.area.map(([lon, lat]) => [lat, lon] as [number, number]), { className: 'task-area task-area--drawing', weight: 2, interactive: false }).addTo(map);
    return () => void drawn.remove();
  }, [map, pick.area]);

  return null;
}

/** The last position of each team with an open task. */
function taskedPositions(tasks: ReadonlyMap<string, Task>, teams: ReadonlyMap<string, Team>): [string, [number, number]][] {
  const positions = new Map<string, [number, number]>();
  for (const task of tasks.values()) {
    const position = isTaskOpen(task.state) ? teams.get(task.teamId)?.lastPosition : null;
    if (position) positions.set(task.teamId, [position.lat, position.lon]);
  }
  return [...positions];
}
