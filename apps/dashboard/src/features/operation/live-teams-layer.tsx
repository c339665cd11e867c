import type { Team } from '@lintas/contracts';
import { LoadStepMark } from '../../app/load-step-mark';
import { TeamsLayer } from '../../map/layers/teams-layer';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { useFilteredTeams } from './use-filtered-items';
import { layerOn, type ViewFilters } from './view-filters';

interface LiveTeamsLayerProps {
  filters: ViewFilters;
  colourOf(agencyId: string): string;
  isStale(team: Team): boolean;
  now: number;
  onSelect(teamId: string): void;
}

/** The teams layer reads positions itself, every frame, so the rest of the view does not re-render with them. */
export function LiveTeamsLayer({ filters, colourOf, isStale, now, onSelect }: LiveTeamsLayerProps) {
  const teams = useOperationSelector((state) => state.teams);
  const trails = useOperationSelector((state) => state.trails);
  const shown = useFilteredTeams(teams, filters);
  return (
    <>
      <LoadStepMark step="teams-layer-start" />
      <TeamsLayer teams={shown} trails={trails} visible={layerOn(filters, 'teams')} showTrails={layerOn(filters, 'trails')} colourOf={colourOf} isStale={isStale} now={now} selectedId={filters.team} onSelect={onSelect} />
      <LoadStepMark step="teams-layer-drawn" />
    </>
  );
}
