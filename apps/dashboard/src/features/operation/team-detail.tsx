import type { Operation } from '@lintas/contracts';
import { lazyPage } from '../../app/lazy-page';
import { t } from '../../i18n/i18n';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { teamStatusLabel } from '../../ui/labels';
import { MarkingLabel } from '../../ui/marking-label';
import { formatAge, TimeText } from '../../ui/time-text';
import { DetailHeader } from './report-detail';
import './team-badges.css';
import './detail.css';

// Loaded when a team is opened: it validates a device's id with the contracts' schema (not in the operation view's first load).
const TeamDevices = lazyPage(() => import('./team-devices'), 'TeamDevices');

/** A team: agency, status, size, members, last position and its age. */
export function TeamDetail({ teamId, operation, now, isStale, onClose }: { teamId: string; operation: Operation; now: number; isStale: (teamId: string) => boolean; onClose: () => void }) {
  const team = useOperationSelector((state) => state.teams.get(teamId) ?? null);
  if (!team) {
    return (
      <section className="detail" data-testid="team-detail">
        <DetailHeader title={t('detail.team')} onClose={onClose} exercise={operation.exercise} />
        <p className="muted">{t('detail.teamNotVisible')}</p>
      </section>
    );
  }
  const position = team.lastPosition;
  const stale = isStale(team.id);
  return (
    <section className="detail" data-testid="team-detail" data-team-id={team.id}>
      <DetailHeader title={team.callSign} onClose={onClose} exercise={operation.exercise} />
      <div className="detail__badges">
        <MarkingLabel marking={team.marking} />
        <span className={`team-status team-status--${team.status}`}>{teamStatusLabel(team.status)}</span>
        {stale && <span className="stale-badge">{t('roster.stale')}</span>}
      </div>
      <dl className="detail__facts">
        <dt>{t('detail.agency')}</dt>
        <dd title={team.agency.name}>{team.agency.code}</dd>
        <dt>{t('detail.size')}</dt>
        <dd>{team.size}</dd>
        <dt>{t('detail.lastContact')}</dt>
        <dd>
          {position ? (
            <>
              <TimeText value={position.at} /> ({t('detail.ago', { age: formatAge(now - Date.parse(position.at)) })})
            </>
          ) : (
            t('roster.noPosition')
          )}
        </dd>
        {position && (
          <>
            <dt>{t('detail.position')}</dt>
            <dd>
              {position.lat.toFixed(4)}, {position.lon.toFixed(4)}
              {position.heading !== null ? ` · ${Math.round(position.heading)}°` : ''}
              {position.speed !== null ? ` · ${t('detail.speed', { speed: (position.speed * 3.6).toFixed(0) })}` : ''}
            </dd>
          </>
        )}
        {team.members.length > 0 && (
          <>
            <dt>{t('detail.members')}</dt>
            <dd>{team.members.map((member) => member.name).join(', ')}</dd>
          </>
        )}
      </dl>
      <TeamDevices team={team} operation={operation} />
    </section>
  );
}
