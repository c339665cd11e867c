import type { Operation } from '@lintas/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { lazyPage } from '../../app/lazy-page';
import { administrationApi } from '../../api/administration-api';
import { useApi, useUser } from '../../auth/session-context';
import { t } from '../../i18n/i18n';
import { planningScope } from './planning-rules';

// Its area map and the contracts' schemas it validates with are loaded when a commander opens it.
const PlanningDrawer = lazyPage(() => import('./planning-drawer'), 'PlanningDrawer');

/**
 * Planning in the operation view: the bar's "Plan" button, for those who may plan, and the drawer
 * it opens over the map and panels (`?plan=1` opens it at once, as after creating the operation).
 * Nothing for observers, liaisons, field officers, or a closed operation.
 */
export function usePlanning(operation: Operation | null): { button: ReactNode; drawer: ReactNode } {
  const user = useUser();
  const api = useApi();
  const planning = useMemo(() => administrationApi(api), [api]);
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(() => params.get('plan') === '1');
  const scope = operation ? planningScope(user, operation) : null;
  if (!operation || !scope) return { button: null, drawer: null };
  const close = () => {
    setOpen(false);
    if (params.has('plan')) {
      params.delete('plan');
      setParams(params, { replace: true });
    }
  };
  return {
    button: (
      <button type="button" className="button button--small button--primary" onClick={() => setOpen((now) => !now)} aria-expanded={open} data-testid="plan-button">
        {t('planning.open')}
      </button>
    ),
    drawer: open ? <PlanningDrawer operation={operation} scope={scope} api={planning} onClose={close} /> : null,
  };
}
