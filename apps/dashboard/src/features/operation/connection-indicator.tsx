import { t } from '../../i18n/i18n';
import { formatCount } from '../../i18n/translate';
import { useOperationSelector, useReconnect } from '../../realtime/operation-realtime';
import type { ConnectionStatus } from '../../realtime/operation-state';
import { TimeText } from '../../ui/time-text';
import './connection-indicator.css';

const LABEL: Record<ConnectionStatus, Parameters<typeof t>[0]> = {
  loading: 'live.loading',
  connecting: 'live.connecting',
  'catching-up': 'live.catchingUp',
  live: 'live.live',
  reconnecting: 'live.reconnecting',
  offline: 'live.offline',
  failed: 'live.failed',
  revoked: 'live.revoked',
};

/** Live, catching up (with the count), reconnecting or offline, and when the picture last changed. */
export function ConnectionIndicator() {
  const connection = useOperationSelector((state) => state.connection);
  const lastUpdateAt = useOperationSelector((state) => state.lastUpdateAt);
  const reconnect = useReconnect();
  const { status, catchUpCount, message } = connection;
  return (
    <div className={`connection connection--${status}`} data-testid="connection" data-status={status} role="status" aria-live="polite" title={message ?? undefined}>
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{t(LABEL[status], { count: formatCount(catchUpCount) })}</span>
      {lastUpdateAt !== null && (
        <span className="connection__updated" title={t('live.lastUpdate')}>
          <span className="connection__updated-label">{t('live.lastUpdate')} </span>
          <TimeText value={lastUpdateAt} style="time" />
        </span>
      )}
      {status === 'offline' && (
        <button type="button" className="button button--small" onClick={reconnect}>
          {t('live.reconnectNow')}
        </button>
      )}
    </div>
  );
}
