import type { ReportSummary, Team } from '@lintas/contracts';
import type L from 'leaflet';
import { useThrottledOperationSelector } from '../../realtime/operation-realtime';
import type { TimelineEntry } from '../../realtime/timeline';
import { MarkingBanner } from './marking-banner';
import { RosterPanel, type RosterPanelProps } from './roster-panel';
import { useFilteredTeams } from './use-filtered-items';
import { useMarkingShown } from './use-marking-shown';
import type { ViewFilters } from './view-filters';

// The parts of the operation view that follow team positions read them here, twice a second, each
// on its own: a hundred positions a second then re-render a banner and a roster, never the whole
// view (its map layers, timeline and figures). The map's teams layer reads them itself, every flush.
const PANELS_FOLLOW_MS = 500;

function useLiveTeams(filters: ViewFilters): { teams: ReadonlyMap<string, Team>; shown: Team[] } {
  const teams = useThrottledOperationSelector((state) => state.teams, PANELS_FOLLOW_MS);
  return { teams, shown: useFilteredTeams(teams, filters) };
}

export interface LiveMarkingBannerProps {
  filters: ViewFilters;
  bounds: L.LatLngBounds | null;
  reports: readonly ReportSummary[];
  timeline: readonly TimelineEntry[];
  selectedReport: ReportSummary | null;
}

/** The marking banner: the most restrictive marking on screen, teams in view included. */
export function LiveMarkingBanner({ filters, bounds, reports, timeline, selectedReport }: LiveMarkingBannerProps) {
  const { teams, shown } = useLiveTeams(filters);
  const selectedTeam = filters.team ? (teams.get(filters.team) ?? null) : null;
  return <MarkingBanner marking={useMarkingShown({ filters, bounds, reports, teams: shown, timeline, detail: selectedReport ?? selectedTeam })} />;
}

/** The roster of the teams the filters let through. */
export function LiveRosterPanel({ filters, ...props }: Omit<RosterPanelProps, 'teams'> & { filters: ViewFilters }) {
  return <RosterPanel teams={useLiveTeams(filters).shown} {...props} />;
}
