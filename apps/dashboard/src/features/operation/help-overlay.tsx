import { useEffect, useRef } from 'react';
import { t } from '../../i18n/i18n';
import { timeDisplay } from '../../ui/time-text';
import { SHORTCUTS } from './shortcuts';
import './help-overlay.css';

/** The keyboard shortcuts, opened with `?`. */
export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <section className="overlay__dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help" onClick={(event) => event.stopPropagation()}>
        <header className="overlay__header">
          <h3 id="help-title">{t('help.title')}</h3>
          <button ref={closeButton} type="button" className="button button--small" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.keys}>
                <th scope="row">
                  {shortcut.keys.split(' ').map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </th>
                <td>{t(shortcut.text)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t(timeDisplay() === 'utc' ? 'help.times.utc' : 'help.times.local')}</p>
        <p className="muted">{t('help.ackNote')}</p>
      </section>
    </div>
  );
}
