import { type MessageKey, t } from '../../i18n/i18n';
import { PANELS, type PanelName } from './view-filters';
import './panel-tabs.css';

export function PanelTabs({ panel, onChange }: { panel: PanelName; onChange: (panel: PanelName) => void }) {
  return (
    <div className="tabs" role="tablist" aria-label={t('panels.title')}>
      {PANELS.map((name, index) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={panel === name}
          aria-controls={`panel-${name}`}
          className={`tabs__tab${panel === name ? ' tabs__tab--on' : ''}`}
          onClick={() => onChange(name)}
          data-testid={`tab-${name}`}
        >
          {t(`panels.${name}` as MessageKey)} <kbd>{index + 1}</kbd>
        </button>
      ))}
    </div>
  );
}
