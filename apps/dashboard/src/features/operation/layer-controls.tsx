import type { OperationParticipant } from '@lintas/contracts';
import { MARKINGS, REPORT_KINDS, REPORT_STATUSES } from '@lintas/contracts/plain';
import { useState } from 'react';
import { type MessageKey, t } from '../../i18n/i18n';
import { reportKindLabel, reportStatusLabel } from '../../ui/labels';
import { markingClass } from '../../ui/marking-label';
import { LAYER_KEYS } from './shortcuts';
import { LAYERS, type LayerName, TIME_WINDOWS, type TimeWindow, toggle, type ViewFilters } from './view-filters';
import './team-badges.css';
import './layer-controls.css';

export interface LayerControlsProps {
  filters: ViewFilters;
  onChange: (update: (current: ViewFilters) => ViewFilters) => void;
  participants: readonly OperationParticipant[];
  colourOf: (agencyId: string) => string;
}

/** Layer switches and report filters, over the map; their state lives in the URL. */
export function LayerControls({ filters, onChange, participants, colourOf }: LayerControlsProps) {
  // Open by default on a wall screen, folded on a laptop where it would hide the map; the choice is remembered.
  const [open, setOpenState] = useState(() => initiallyOpen());
  const setOpen = (next: boolean) => {
    setOpenState(next);
    try {
      localStorage.setItem(OPEN_KEY, next ? 'open' : 'closed');
    } catch {
      // not remembered
    }
  };
  const filtered = filters.kinds.length + filters.statuses.length + filters.markings.length + filters.agencies.length + (filters.window === 'all' ? 0 : 1);
  return (
    <section className={`layer-controls${open ? '' : ' layer-controls--closed'}`} aria-label={t('layers.title')} data-testid="layer-controls">
      <button type="button" className="layer-controls__toggle" onClick={() => setOpen(!open)} aria-expanded={open}>
        {t('layers.title')}
        {filtered > 0 && <span className="layer-controls__count">{t('layers.filtersOn', { count: filtered })}</span>}
      </button>
      {open && (
        <div className="layer-controls__body">
          <fieldset>
            <legend>{t('layers.layers')}</legend>
            {LAYERS.map((layer) => (
              <Chip
                key={layer}
                on={filters.layers.includes(layer)}
                onClick={() => onChange((current) => ({ ...current, layers: toggle(current.layers, layer) }))}
                testId={`layer-${layer}`}
                hint={LAYER_KEYS[layer]}
              >
                {t(`layers.${layer}` as MessageKey)}
              </Chip>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('filters.kind')}</legend>
            {REPORT_KINDS.map((kind) => (
              <Chip key={kind} on={filters.kinds.includes(kind)} onClick={() => onChange((current) => ({ ...current, kinds: toggle(current.kinds, kind) }))} testId={`filter-kind-${kind}`}>
                {reportKindLabel(kind)}
              </Chip>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('filters.status')}</legend>
            {REPORT_STATUSES.map((status) => (
              <Chip key={status} on={filters.statuses.includes(status)} onClick={() => onChange((current) => ({ ...current, statuses: toggle(current.statuses, status) }))} testId={`filter-status-${status}`}>
                {reportStatusLabel(status)}
              </Chip>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('filters.marking')}</legend>
            {MARKINGS.map((marking) => (
              <Chip key={marking} on={filters.markings.includes(marking)} onClick={() => onChange((current) => ({ ...current, markings: toggle(current.markings, marking) }))} testId={`filter-marking-${marking}`}>
                <span className={markingClass(marking)}>{marking.slice(4)}</span>
              </Chip>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('filters.agency')}</legend>
            {participants.map((participant) => (
              <Chip
                key={participant.agency.id}
                on={filters.agencies.includes(participant.agency.code)}
                onClick={() => onChange((current) => ({ ...current, agencies: toggle(current.agencies, participant.agency.code) }))}
                testId={`filter-agency-${participant.agency.code}`}
              >
                <span className="agency-swatch" style={{ background: colourOf(participant.agency.id) }} aria-hidden="true" />
                {participant.agency.code}
              </Chip>
            ))}
          </fieldset>
          <label className="field field--inline">
            <span>{t('filters.window')}</span>
            <select value={filters.window} onChange={(event) => onChange((current) => ({ ...current, window: event.target.value as TimeWindow }))} data-testid="filter-window">
              {TIME_WINDOWS.map((window) => (
                <option key={window} value={window}>
                  {t(`filters.window.${window}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          {filtered > 0 && (
            <button type="button" className="button button--small" onClick={() => onChange((current) => ({ ...current, kinds: [], statuses: [], markings: [], agencies: [], window: 'all' }))}>
              {t('filters.clear')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

const OPEN_KEY = 'lintas.layerControls';

function initiallyOpen(): boolean {
  try {
    const stored = localStorage.getItem(OPEN_KEY);
    if (stored) return stored === 'open';
  } catch {
    // no storage: fall through
  }
  return typeof window !== 'undefined' && window.innerWidth >= 1800;
}

function Chip({ on, onClick, children, testId, hint }: { on: boolean; onClick: () => void; children: React.ReactNode; testId: string; hint?: string }) {
  return (
    <button type="button" className={`chip${on ? ' chip--on' : ''}`} aria-pressed={on} onClick={onClick} data-testid={testId} title={hint ? t('layers.keyHint', { key: hint }) : undefined}>
      {children}
      {hint && <kbd className="chip__key">{hint}</kbd>}
    </button>
  );
}

export type { LayerName };
