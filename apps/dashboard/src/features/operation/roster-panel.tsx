import type { Team } from '@lintas/contracts';
import { memo } from 'react';
import { t } from '../../i18n/i18n';
import { teamStatusLabel } from '../../ui/labels';
import { MarkingLabel } from '../../ui/marking-label';
import { formatAge, formatUtc } from '../../ui/time-text';
import './team-badges.css';
import './roster-panel.css';

export interface RosterPanelProps {
  teams: readonly Team[];
  now: number;
  isStale: (team: Team) => boolean;
  colourOf: (agencyId: string) => string;
  selectedId: string | null;
  onSelect: (teamId: string) => void;
}

/** The team roster: call sign, agency, status and last contact; stale teams marked. */
export const RosterPanel = memo(function RosterPanel({ teams, now, isStale, colourOf, selectedId, onSelect }: RosterPanelProps) {
  if (teams.length === 0) return <p className="muted panel-empty">{t('roster.empty')}</p>;
  return (
    <table className="roster" data-testid="roster">
      <thead>
        <tr>
          <th scope="col">{t('roster.callSign')}</th>
          <th scope="col">{t('roster.agency')}</th>
          <th scope="col">{t('roster.status')}</th>
          <th scope="col">{t('roster.lastContact')}</th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => {
          const stale = isStale(team);
          const at = team.lastPosition?.at;
          return (
            <tr
              key={team.id}
              className={`${stale ? 'roster__row--stale' : ''} ${team.id === selectedId ? 'roster__row--selected' : ''}`}
              onClick={() => onSelect(team.id)}
              data-team-id={team.id}
            >
              <th scope="row">
                <button type="button" className="roster__name" onClick={() => onSelect(team.id)}>
                  {team.callSign}
                </button>
                <MarkingLabel marking={team.marking} />
              </th>
              <td>
                <span className="agency-swatch" style={{ background: colourOf(team.agency.id) }} aria-hidden="true" />
                {team.agency.code}
              </td>
              <td>
                <span className={`team-status team-status--${team.status}`}>{teamStatusLabel(team.status)}</span>
              </td>
              <td title={at ? formatUtc(at) : undefined}>
                {at ? formatAge(now - Date.parse(at)) : t('roster.noPosition')}
                {stale && at && <span className="stale-badge">{t('roster.stale')}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
