import { formatTime } from '../ui/time-text';
import { ft } from '../i18n/field-i18n';
import type { SyncStatus } from './sync-engine';

/** The top line: online, offline or sending; how many posts wait; when the last one was delivered. */
export function SyncStatusBar({ status, onRetry }: { status: SyncStatus; onRetry(): void }) {
  const state = status.syncing && status.link === 'online' ? 'syncing' : status.link;
  const label = state === 'syncing' ? ft('link.syncing') : state === 'online' ? ft('link.online') : ft('link.offline');
  return (
    <div
      className={`field-status field-status--${state}`}
      role="status"
      aria-live="polite"
      data-testid="sync-status"
      data-link={status.link}
      data-state={state}
      data-waiting={status.waiting}
      data-rejected={status.rejected}
      // Why the last attempt failed and when the next one is due: for support and for the tests' messages.
      data-problem={status.problem ?? undefined}
      data-next-attempt-at={status.nextAttemptAt === null ? undefined : new Date(status.nextAttemptAt).toISOString()}
    >
      <span className="field-status__link">
        <span className="field-status__dot" aria-hidden="true" />
        {label}
      </span>
      <span className="field-status__count" data-testid="sync-waiting">
        {ft('link.waiting', { count: status.waiting })}
      </span>
      {status.rejected > 0 && <span className="field-status__rejected">{ft('link.rejected', { count: status.rejected })}</span>}
      <span className="field-status__last" data-testid="sync-last-delivery">
        {status.lastDeliveredAt ? ft('link.lastDelivery', { time: formatTime(status.lastDeliveredAt, 'time') }) : ft('link.neverDelivered')}
      </span>
      {status.needsSignIn && <span className="field-status__problem">{ft('link.signIn')}</span>}
      {!status.needsSignIn && status.waiting > 0 && status.nextAttemptAt !== null && (
        <button type="button" className="field-status__retry" onClick={onRetry}>
          {ft('link.retryNow')}
        </button>
      )}
    </div>
  );
}
