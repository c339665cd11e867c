import type { ReportSummary } from '@lintas/contracts';
import { LAYER_KEYS, useShortcuts } from './shortcuts';
import { LAYERS, PANELS, toggle, type ViewFilters } from './view-filters';

export interface ShortcutActions {
  filters: ViewFilters;
  setFilters(update: (current: ViewFilters) => ViewFilters): void;
  reports: ReadonlyMap<string, ReportSummary>;
  helpOpen: boolean;
  setHelpOpen(update: (open: boolean) => boolean): void;
  clearSelection(): void;
  nextAlert(): void;
  acknowledge(reportId: string): void;
  fit(): void;
}

/** The operation view's keys (listed by the help overlay, `SHORTCUTS`): `?`, Esc, n, k, f, 1–5 and one per layer. */
export function useOperationShortcuts({ filters, setFilters, reports, helpOpen, setHelpOpen, clearSelection, nextAlert, acknowledge, fit }: ShortcutActions): void {
  useShortcuts((key, event) => {
    if (key === '?') setHelpOpen((open) => !open);
    else if (key === 'Escape') {
      if (helpOpen) setHelpOpen(() => false);
      else clearSelection();
    } else if (key === 'n') nextAlert();
    else if (key === 'k') {
      const selected = filters.report ? reports.get(filters.report) : undefined;
      if (selected?.kind === 'alert') acknowledge(selected.id);
    } else if (key === 'f') fit();
    else if (/^[1-9]$/.test(key) && Number(key) <= PANELS.length) setFilters((current) => ({ ...current, panel: PANELS[Number(key) - 1] }));
    else {
      const layer = LAYERS.find((candidate) => LAYER_KEYS[candidate] === key);
      if (!layer) return;
      setFilters((current) => ({ ...current, layers: toggle(current.layers, layer) }));
    }
    event.preventDefault();
  });
}
