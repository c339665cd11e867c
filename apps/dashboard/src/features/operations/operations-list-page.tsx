import type { OperationSummary } from '@lintas/contracts';
import { mayCreateOperation } from '@lintas/contracts/plain';
import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { isAbortError } from '../../api/api-error';
import { useApi, useUser } from '../../auth/session-context';
import { errorText } from '../../i18n/error-text';
import { t, tn } from '../../i18n/i18n';
import { ExerciseMark } from '../../ui/exercise-mark';
import { TimeText } from '../../ui/time-text';
import { operationRoleLabel, operationStatusLabel } from '../../ui/labels';
import './operations-list-page.css';
import { useOperationsChanged } from './use-operations-changed';

type State = { status: 'loading' } | { status: 'ready'; operations: OperationSummary[] } | { status: 'error'; message: string };

/** `/`: the operations the user's agency takes part in, active ones first. */
export function OperationsListPage() {
  const api = useApi();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [state, setState] = useState<State>({ status: 'loading' });
  const user = useUser();
  const [round, setRound] = useState(0);
  // Joined or left an operation while the list is open: read it again.
  useOperationsChanged(() => setRound((n) => n + 1));

  useEffect(() => {
    const controller = new AbortController();
    api.listOperations(controller.signal).then(
      (operations) => setState({ status: 'ready', operations: sortOperations(operations) }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', message: errorText(error) });
      },
    );
    return () => controller.abort();
  }, [api, round]);

  return (
    <section className="operations-page" aria-labelledby="operations-title">
      <div className="operations-page__head">
        <h2 id="operations-title">{t('operations.title')}</h2>
        {mayCreateOperation(user) && (
          <Link to="/operations/new" className="button button--primary" data-testid="new-operation">
            {t('planning.create.title')}
          </Link>
        )}
      </div>
      {notice && (
        <p className="operations-page__notice" role="alert" data-testid="operations-notice">
          {notice}
        </p>
      )}
      {state.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <p className="operations-page__error" role="alert">
          {t('operations.loadFailed', { message: state.message })}
        </p>
      )}
      {state.status === 'ready' && state.operations.length === 0 && <p className="muted">{t('operations.none')}</p>}
      {state.status === 'ready' && state.operations.length > 0 && (
        <ul className="operations-list" data-testid="operations-list">
          {state.operations.map((operation) => (
            <OperationCard key={operation.id} operation={operation} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OperationCard({ operation }: { operation: OperationSummary }) {
  const counts = operation.counts;
  return (
    <li className={`operation-card operation-card--${operation.status}`} data-testid="operation-card" data-code={operation.code}>
      {/* A closed operation opens in replay, its after-action report one click away. */}
      <Link to={operation.status === 'closed' ? `/operations/${operation.id}?replay=1` : `/operations/${operation.id}`} className="operation-card__link">
        <div className="operation-card__head">
          <span className="operation-card__name">{operation.name}</span>
          <span className="operation-card__code">{operation.code}</span>
          {operation.exercise && <ExerciseMark />}
          <span className={`status-badge status-badge--${operation.status}`}>{operationStatusLabel(operation.status)}</span>
        </div>
        <dl className="operation-card__facts">
          <div>
            <dt>{t('operations.lead')}</dt>
            <dd title={operation.leadAgency.name}>{operation.leadAgency.code}</dd>
          </div>
          <div>
            <dt>{t('operations.myRole')}</dt>
            <dd data-testid="operation-role">{operationRoleLabel(operation.myRole)}</dd>
          </div>
          <div>
            <dt>{t('operations.period')}</dt>
            <dd>
              <TimeText value={operation.startsAt} style="date" /> – <TimeText value={operation.endsAt} style="date" />
            </dd>
          </div>
        </dl>
        {counts && (
          <ul className="operation-card__counts">
            <li data-testid="count-teams">{tn('count.teams', counts.teams)}</li>
            <li data-testid="count-reports-today">{tn('count.reportsToday', counts.reportsToday)}</li>
            <li data-testid="count-open-alerts" className={counts.openAlerts > 0 ? 'operation-card__alerts' : undefined}>
              {tn('count.openAlerts', counts.openAlerts)}
            </li>
          </ul>
        )}
      </Link>
      {operation.status === 'closed' && (
        <Link to={`/operations/${operation.id}?replay=1&report=1`} className="button button--small operation-card__report" data-testid="operation-report">
          {t('operations.report')}
        </Link>
      )}
    </li>
  );
}

const STATUS_ORDER = { active: 0, suspended: 1, planned: 2, closed: 3 } as const;

export function sortOperations(operations: OperationSummary[]): OperationSummary[] {
  return [...operations].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.name.localeCompare(b.name));
}
