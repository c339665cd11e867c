// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutboxList } from './outbox-list';
import type { StoredOutboxItem } from './outbox-types';
import type { SyncStatus } from './sync-engine';
import { SyncStatusBar } from './sync-status-bar';

const status: SyncStatus = { link: 'online', syncing: false, waiting: 0, rejected: 0, lastDeliveredAt: null, nextAttemptAt: null, problem: null, needsSignIn: false };
const base = { ownerId: 'u', operationId: 'op', teamId: 'team', createdAt: Date.parse('2026-11-28T08:00:00Z'), attempts: 1, deliveredAt: null, rejection: null };

// The same day as the times shown: a time of another day would come with its date.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T10:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SyncStatusBar', () => {
  it('says offline, how many posts wait, and that nothing was delivered yet', () => {
    render(<SyncStatusBar status={{ ...status, link: 'offline', waiting: 3 }} onRetry={() => undefined} />);
    expect(screen.getByTestId('sync-status').textContent).toBe('Offline3 waitingNothing delivered yet');
    expect(screen.getByTestId('sync-status').dataset.state).toBe('offline');
  });

  it('says sending while a pass delivers, with the time of the last delivery', () => {
    const lastDeliveredAt = new Date(2026, 10, 28, 9, 15, 30).getTime();
    render(<SyncStatusBar status={{ ...status, syncing: true, waiting: 1, lastDeliveredAt }} onRetry={() => undefined} />);
    expect(screen.getByTestId('sync-status').dataset.state).toBe('syncing');
    expect(screen.getByTestId('sync-last-delivery').textContent).toBe('Last delivery 09:15:30');
  });

  it('offers to retry at once while waiting out a backoff, and asks for sign-in when the session ended', () => {
    const onRetry = vi.fn();
    const { rerender } = render(<SyncStatusBar status={{ ...status, link: 'offline', waiting: 2, nextAttemptAt: Date.now() + 8_000 }} onRetry={onRetry} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    rerender(<SyncStatusBar status={{ ...status, waiting: 2, needsSignIn: true }} onRetry={onRetry} />);
    expect(screen.queryByRole('button', { name: 'Retry now' })).toBeNull();
    expect(screen.getByText('Sign in to deliver')).toBeTruthy();
  });
});

describe('OutboxList', () => {
  const refused = {
    ...base,
    id: 'r1',
    seq: 2,
    state: 'rejected',
    kind: 'report',
    body: { kind: 'interception', title: 'Boat at Chau Doc' },
    rejection: { status: 400, message: 'Invalid body', issues: [{ path: 'interception.minors', message: 'minors cannot exceed persons' }] },
  } as unknown as StoredOutboxItem;
  const positions = [3, 4].map((seq) => ({ ...base, id: `p${seq}`, seq, state: 'queued', kind: 'position', body: { lat: 1, lon: 2, at: 'x' } }) as unknown as StoredOutboxItem);

  it("shows a refused post with the server's reason and each failing field, to edit or discard", () => {
    const onEdit = vi.fn();
    const onDiscard = vi.fn();
    render(<OutboxList items={[refused, ...positions]} lastPositions={{ queued: 7, sent: 3, at: new Date(2026, 10, 28, 9, 0, 5).getTime() }} onEdit={onEdit} onDiscard={onDiscard} />);
    expect(screen.getByTestId('outbox-positions-delivered').textContent).toBe('7 positionsDelivered 09:00:05Sent as one batch of 3: the other 4 added nothing to the map');
    expect(screen.getByTestId('rejection-reason').textContent).toBe('Invalid body (400)');
    expect(screen.getByText('Minors: minors cannot exceed persons')).toBeTruthy();
    expect(screen.getByTestId('outbox-positions').textContent).toBe('2 positionsWaiting');
    fireEvent.click(screen.getByTestId('outbox-edit'));
    expect(onEdit).toHaveBeenCalledWith(refused);
    fireEvent.click(screen.getByTestId('outbox-discard'));
    expect(onDiscard).toHaveBeenCalledWith(['r1']);
  });
});
