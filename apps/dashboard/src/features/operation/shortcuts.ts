import { useEffect, useEffectEvent } from 'react';
import type { MessageKey } from '../../i18n/i18n';
import type { LayerName } from './view-filters';

/** One key per map layer. */
export const LAYER_KEYS: Readonly<Record<LayerName, string>> = {
  area: 'o',
  sites: 's',
  teams: 't',
  trails: 'l',
  reports: 'r',
  alerts: 'a',
};

/** Everything the help overlay lists, in its order. */
export const SHORTCUTS: ReadonlyArray<{ keys: string; text: MessageKey }> = [
  { keys: 'n', text: 'help.nextAlert' },
  { keys: 'k', text: 'help.acknowledge' },
  { keys: 's', text: 'help.layer.sites' },
  { keys: 't', text: 'help.layer.teams' },
  { keys: 'l', text: 'help.layer.trails' },
  { keys: 'r', text: 'help.layer.reports' },
  { keys: 'a', text: 'help.layer.alerts' },
  { keys: 'o', text: 'help.layer.area' },
  { keys: 'f', text: 'help.fit' },
  { keys: '1 2 3 4 5', text: 'help.panels' },
  { keys: 'Esc', text: 'help.close' },
  { keys: '?', text: 'help.help' },
];

/**
 * Calls `onKey` for single-key shortcuts typed outside text fields (no Ctrl/Alt/Meta, so the
 * browser's own shortcuts stay theirs).
 */
export function useShortcuts(onKey: (key: string, event: KeyboardEvent) => void): void {
  const handler = useEffectEvent(onKey);
  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
        if (event.key !== 'Escape') return;
      }
      handler(event.key.length === 1 ? event.key.toLowerCase() : event.key, event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
