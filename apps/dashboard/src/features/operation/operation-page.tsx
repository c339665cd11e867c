import { useCallback, useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../../app/not-found-page';
import { t } from '../../i18n/i18n';
import { loadCountryOutlines } from '../../map/basemap';
import { OperationRealtimeProvider } from '../../realtime/operation-realtime';
import { ReplayProvider } from '../replay/replay-context';
import { OperationView } from './operation-view';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/operations/:operationId`: the live operation view, fed by the one real-time provider. */
export function OperationPage() {
  const { operationId } = useParams();
  const navigate = useNavigate();
  // Fetch and convert the outlines while the snapshot loads, not after: both are on the way to the first picture.
  useEffect(() => {
    loadCountryOutlines().catch(() => undefined);
  }, []);
  // Access withdrawn while watching: say so and leave the operation.
  const onRevoked = useCallback(
    (reason: string) => navigate('/', { replace: true, state: { notice: t('operation.revoked', { reason }) } }),
    [navigate],
  );
  if (!operationId || !UUID.test(operationId)) return <NotFoundPage />;
  return (
    <OperationRealtimeProvider key={operationId} operationId={operationId} onRevoked={onRevoked}>
      <ReplayProvider>
        <OperationView />
      </ReplayProvider>
    </OperationRealtimeProvider>
  );
}
