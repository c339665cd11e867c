import type { Operation } from '@lintas/contracts';
import { type ReactNode, useEffect } from 'react';
import { t } from '../../i18n/i18n';
import { ExerciseMark } from '../../ui/exercise-mark';
import { operationRoleLabel, operationStatusLabel } from '../../ui/labels';
import { describeTimeZone } from '../../ui/time-text';
import { ConnectionIndicator } from './connection-indicator';
import './operation-bar.css';

interface OperationBarProps {
  operation: Operation | null;
  readOnly: boolean;
  openAlerts: number;
  onNextAlert(): void;
  onHelp(): void;
  /** More actions at the start of the bar's action area (the planning button). */
  extraActions?: ReactNode;
}

/** The bar above the map: the operation's name, code, status and the viewer's role; the alert button, the link, help. */
export function OperationBar({ operation, readOnly, openAlerts, onNextAlert, onHelp, extraActions }: OperationBarProps) {
  useDocumentTitle(operation);
  return (
    <header className="op-bar">
      {operation ? (
        <>
          <div className="op-bar__title">
            <h2>{operation.name}</h2>
            <span className="op-bar__code">{operation.code}</span>
            {operation.exercise && <ExerciseMark />}
            <span className={`status-badge status-badge--${operation.status}`}>{operationStatusLabel(operation.status)}</span>
          </div>
          <div className="op-bar__facts">
            <span className="op-bar__lead">
              {t('operations.lead')}: <strong>{operation.leadAgency.code}</strong>
            </span>
            <span>
              {t('operations.myRole')}: <strong data-testid="my-role">{operationRoleLabel(operation.myRole)}</strong>
            </span>
            <span data-testid="operation-time-zone">
              {t('operation.timeZone')}: <strong>{describeTimeZone(operation.timeZone)}</strong>
            </span>
            {readOnly && (
              <span className="read-only-badge" data-testid="read-only" title={t('operation.readOnlyHint')}>
                {t('operation.readOnly')}
              </span>
            )}
          </div>
        </>
      ) : (
        <div className="op-bar__title">
          <h2 className="muted">{t('live.loading')}</h2>
        </div>
      )}
      <div className="op-bar__actions">
        {extraActions}
        <button type="button" className={`alert-button${openAlerts ? ' alert-button--active' : ''}`} onClick={onNextAlert} disabled={openAlerts === 0} data-testid="next-alert" title={t('help.nextAlert')}>
          {t('operation.unacknowledgedAlerts', { count: openAlerts })} <kbd>n</kbd>
        </button>
        <ConnectionIndicator />
        <button type="button" className="button button--small" onClick={onHelp} aria-label={t('help.title')} data-testid="help-button">
          ?
        </button>
      </div>
    </header>
  );
}

/** The tab's title names the operation (and says EXERCISE first), restored when the view closes. */
function useDocumentTitle(operation: Operation | null): void {
  const exercise = operation?.exercise ?? false;
  const name = operation?.name ?? null;
  useEffect(() => {
    if (name === null) return;
    const previous = document.title;
    document.title = `${exercise ? `${t('operation.exercise')} · ` : ''}${name} — Lintas`;
    return () => {
      document.title = previous;
    };
  }, [exercise, name]);
}
