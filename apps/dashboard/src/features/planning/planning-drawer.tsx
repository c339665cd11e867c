import type { Operation } from '@lintas/contracts';
import type { AdministrationApi } from '../../api/administration-api';
import { t } from '../../i18n/i18n';
import { AreaSection } from './area-section';
import { LifecycleSection } from './lifecycle-section';
import { ParticipantsSection } from './participants-section';
import './planning.css';
import { SitesSection } from './sites-section';
import { TeamsSection } from './teams-section';

/**
 * Planning beside the live map: lifecycle, partner agencies, border sites and teams. Every change
 * is an operation event: this drawer, the map and every other open screen follow it live.
 */
export function PlanningDrawer({ operation, scope, api, onClose }: { operation: Operation; scope: 'all' | 'teams'; api: AdministrationApi; onClose(): void }) {
  return (
    <aside className="planning" aria-label={t('planning.title')} data-testid="planning">
      <header className="planning__head">
        <h3>{t('planning.title')}</h3>
        <button type="button" className="button button--small" onClick={onClose} aria-label={t('common.close')} data-testid="planning-close">
          ×
        </button>
      </header>
      <div className="planning__body">
        {scope === 'all' && <LifecycleSection operation={operation} api={api} />}
        {scope === 'all' && <AreaSection operation={operation} api={api} />}
        {scope === 'all' && <ParticipantsSection operation={operation} api={api} />}
        {scope === 'all' && <SitesSection operation={operation} api={api} />}
        <TeamsSection operation={operation} api={api} />
      </div>
    </aside>
  );
}
