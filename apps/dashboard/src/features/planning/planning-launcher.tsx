import type { Operation } from '@lintas/contracts';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { administrationApi } from '../../api/administration-api';
import { useApi, useUser } from '../../auth/session-context';
import { t } from '../../i18n/i18n';
import { PlanningDrawer } from './planning-drawer';
import { planningScope } from './planning-rules';

/** The operation bar's "Plan" button, for those who may plan; it opens the planning drawer (`?plan=1` opens it at once). */
export function PlanningLauncher({ operation }: { operation: Operation | null }) {
  const user = useUser();
  const api = useApi();
  const planning = useMemo(() => administrationApi(api), [api]);
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(() => params.get('plan') === '1');
  const scope = operation ? planningScope(user, operation) : null;
  if (!operation || !scope) return null;
  const close = () => {
    setOpen(false);
    if (params.has('plan')) {
      params.delete('plan');
      setParams(params, { replace: true });
    }
  };
  return (
    <>
      <button type="button" className="button button--small button--primary" onClick={() => setOpen((now) => !now)} aria-expanded={open} data-testid="plan-button">
        {t('planning.open')}
      </button>
      {open && <PlanningDrawer operation={operation} scope={scope} api={planning} onClose={close} />}
    </>
  );
}
