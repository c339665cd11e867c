import { taskStateLabel, teamStatusLabel } from '../ui/labels';
import { formatTime } from '../ui/time-text';
import { fieldErrorText, ft } from '../i18n/field-i18n';
import { serverIssueText } from './issue-text';
import type { StoredOutboxItem } from './outbox-types';
import type { PositionsDelivered } from './sync-engine';

type ReportItem = StoredOutboxItem & { kind: 'report' };

/**
 * Every post from this phone, newest first, with where it stands: waiting, sending, delivered, or
 * refused with the server's reason — a refused report can be edited and sent again, or discarded.
 * Positions are shown as one line per state: there are many of them and they are not edited.
 */
export function OutboxList({
  items,
  lastPositions = null,
  onEdit,
  onDiscard,
}: {
  items: readonly StoredOutboxItem[];
  lastPositions?: PositionsDelivered | null;
  onEdit(item: ReportItem): void;
  onDiscard(ids: string[]): void;
}) {
  const positions = items.filter((item) => item.kind === 'position');
  const others = items.filter((item) => item.kind !== 'position').reverse();
  const waitingPositions = positions.filter((item) => item.state === 'queued' || item.state === 'sending');
  const refusedPositions = positions.filter((item) => item.state === 'rejected');

  if (items.length === 0 && !lastPositions) return <p className="field-panel field-muted">{ft('outbox.empty')}</p>;
  return (
    <ul className="field-panel field-outbox" data-testid="outbox">
      {waitingPositions.length > 0 && (
        <li className="field-outbox__item field-outbox__item--queued" data-testid="outbox-positions" data-state="queued">
          <div className="field-outbox__head">
            <strong>{ft('outbox.positions', { count: waitingPositions.length })}</strong>
            <span className="field-badge field-badge--queued">{ft('outbox.state.queued')}</span>
          </div>
        </li>
      )}
      {lastPositions && (
        <li className="field-outbox__item field-outbox__item--delivered" data-testid="outbox-positions-delivered" data-state="delivered">
          <div className="field-outbox__head">
            <strong>{ft('outbox.positions', { count: lastPositions.queued })}</strong>
            <span className="field-badge field-badge--delivered">{ft('outbox.state.delivered', { time: formatTime(lastPositions.at, 'time') })}</span>
          </div>
          <p className="field-muted">
            {lastPositions.sent < lastPositions.queued
              ? ft('outbox.positionsThinned', { sent: lastPositions.sent, dropped: lastPositions.queued - lastPositions.sent })
              : ft('outbox.positionsSent')}
          </p>
        </li>
      )}
      {refusedPositions.length > 0 && (
        <li className="field-outbox__item field-outbox__item--rejected" data-testid="outbox-positions-rejected" data-state="rejected">
          <div className="field-outbox__head">
            <strong>{ft('outbox.positions', { count: refusedPositions.length })}</strong>
            <span className="field-badge field-badge--rejected">{ft('outbox.state.rejected')}</span>
          </div>
          <p className="field-error">{refusedPositions[0].rejection && fieldErrorText(refusedPositions[0].rejection.code, refusedPositions[0].rejection.message)}</p>
          <div className="field-actions field-actions--row">
            <button type="button" className="field-button" onClick={() => onDiscard(refusedPositions.map((item) => item.id))}>
              {ft('outbox.discard')}
            </button>
          </div>
        </li>
      )}
      {others.map((item) => (
        <li key={item.id} className={`field-outbox__item field-outbox__item--${item.state}`} data-testid="outbox-item" data-kind={item.kind} data-state={item.state} data-id={item.id}>
          <div className="field-outbox__head">
            <strong>{outboxTitle(item)}</strong>
            <span className={`field-badge field-badge--${item.state}`}>
              {item.state === 'delivered' && item.deliveredAt ? ft('outbox.state.delivered', { time: formatTime(item.deliveredAt, 'time') }) : ft(`outbox.state.${item.state}`)}
            </span>
          </div>
          <p className="field-muted">
            {formatTime(item.createdAt, 'datetime')}
            {item.attempts > 1 ? ` · ${ft('outbox.attempts', { count: item.attempts })}` : ''}
          </p>
          {item.state === 'rejected' && item.rejection && (
            <div className="field-outbox__rejection" role="alert">
              <p className="field-error" data-testid="rejection-reason">
                {fieldErrorText(item.rejection.code, item.rejection.message)} ({item.rejection.status})
              </p>
              {item.rejection.issues && (
                <ul>
                  {item.rejection.issues.map((issue) => (
                    <li key={`${issue.path}:${issue.message}`}>{serverIssueText(issue)}</li>
                  ))}
                </ul>
              )}
              <div className="field-actions field-actions--row">
                {item.kind === 'report' && item.body.kind !== 'alert' && (
                  <button type="button" className="field-button field-button--primary" onClick={() => onEdit(item)} data-testid="outbox-edit">
                    {ft('outbox.edit')}
                  </button>
                )}
                <button type="button" className="field-button" onClick={() => onDiscard([item.id])} data-testid="outbox-discard">
                  {ft('outbox.discard')}
                </button>
              </div>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function outboxTitle(item: StoredOutboxItem): string {
  if (item.kind === 'report') return item.body.title;
  if (item.kind === 'document-check') return ft('check.outboxTitle', { type: ft(`check.type.${item.body.documentType}`), country: item.body.issuingCountry });
  if (item.kind === 'status') return ft('outbox.status', { status: teamStatusLabel(item.body.status) });
  if (item.kind === 'task') return ft('outbox.task', { title: item.body.title, state: taskStateLabel(item.body.to) });
  if (item.kind === 'message') return ft('outbox.message', { title: item.body.title });
  return '';
}
