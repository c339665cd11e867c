import type { Marking, ReportSummary, Team } from '@lintas/contracts';
import type L from 'leaflet';
import { useMemo } from 'react';
import type { TimelineEntry } from '../../realtime/timeline';
import { markingOnScreen } from './marking-banner';
import { TIMELINE_SHOWN } from './timeline-panel';
import type { ViewFilters } from './view-filters';

export interface OnScreenInputs {
  filters: ViewFilters;
  /** The map's view, null before the map reported it. */
  bounds: L.LatLngBounds | null;
  reports: readonly ReportSummary[];
  teams: readonly Team[];
  timeline: readonly TimelineEntry[];
  detail: { marking: Marking } | null;
}

/**
 * The marking the banner shows: the most restrictive of the map items in view on layers that are
 * on, the lines of the open panel and the open detail. Each part is recomputed only when its own
 * inputs change (positions move teams, not reports).
 */
export function useMarkingShown({ filters, bounds, reports, teams, timeline, detail }: OnScreenInputs): Marking | null {
  const layers = filters.layers.join(',');
  const reportsOnMap = useMemo(() => mostRestrictiveOf(reportsInView(reports, layers, bounds)), [reports, layers, bounds]);
  const teamsOnMap = useMemo(() => mostRestrictiveOf(layers.includes('teams') ? teamsInView(teams, bounds) : []), [teams, layers, bounds]);
  const listed = filters.panel === 'timeline' ? timeline.slice(0, TIMELINE_SHOWN) : filters.panel === 'teams' ? teams : reports;
  const listMarking = useMemo(() => mostRestrictiveOf(listed), [listed]);
  return markingOnScreen({
    mapItems: [reportsOnMap, teamsOnMap].filter((marking) => marking !== null).map((marking) => ({ marking })),
    listItems: listMarking ? [{ marking: listMarking }] : [],
    detail,
  });
}

function* reportsInView(reports: readonly ReportSummary[], layers: string, bounds: L.LatLngBounds | null): Iterable<{ marking: Marking }> {
  const inView = viewTest(bounds);
  const showReports = layers.includes('reports');
  const showAlerts = layers.includes('alerts');
  for (const report of reports) {
    if (report.lat === null || report.lon === null) continue;
    if (report.kind === 'alert' ? !showAlerts : !showReports) continue;
    if (inView(report.lat, report.lon)) yield report;
  }
}

function* teamsInView(teams: readonly Team[], bounds: L.LatLngBounds | null): Iterable<{ marking: Marking }> {
  const inView = viewTest(bounds);
  for (const team of teams) if (team.lastPosition && inView(team.lastPosition.lat, team.lastPosition.lon)) yield team;
}

function viewTest(bounds: L.LatLngBounds | null): (lat: number, lon: number) => boolean {
  if (!bounds) return () => true;
  const [south, west, north, east] = [bounds.getSouth(), bounds.getWest(), bounds.getNorth(), bounds.getEast()];
  return (lat, lon) => lat >= south && lat <= north && lon >= west && lon <= east;
}

function mostRestrictiveOf(items: Iterable<{ marking: Marking }>): Marking | null {
  return markingOnScreen({ mapItems: items, listItems: [], detail: null });
}
