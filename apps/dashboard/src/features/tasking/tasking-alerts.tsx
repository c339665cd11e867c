import type { User } from '@lintas/contracts';
import { useState } from 'react';
import { t } from '../../i18n/i18n';
import { useOperationSelector } from '../../realtime/operation-realtime';
import './tasking.css';

/**
 * The alerts of the tasking side that concern this user: a task of theirs not acknowledged in time,
 * its team outside its area, an area they watch without a team for its threshold.
 * Shown above the panels until dismissed (per session).
 */
export function TaskingAlerts({ user }: { user: User }) {
  const alerts = useOperationSelector((state) => state.taskingAlerts);
  const tasks = useOperationSelector((state) => state.tasks);
  const watchedAreas = useOperationSelector((state) => state.watchedAreas);
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set());
  const mine = alerts.filter((alert) => alert.kind !== 'request.escalated' && alert.userIds.includes(user.id) && !dismissed.has(alert.seq));
  if (mine.length === 0) return null;
  return (
    <div className="tasking-alerts" role="alert" data-testid="tasking-alerts">
      {mine.map((alert) => {
        const task = tasks.get(alert.itemId);
        // Acknowledged since (overdue), or back inside its area: no longer needs attention.
        if (alert.kind === 'task.overdue' && task && task.state !== 'assigned') return null;
        if (alert.kind === 'task.left_area' && task && !task.leftArea) return null;
        if (alert.kind === 'watched_area.lapsed') {
          const area = watchedAreas.get(alert.itemId);
          // A team entered since, or the area is no longer watched.
          if (!area || !area.lapsed) return null;
          return (
            <div key={alert.seq} className="tasking-alerts__item" data-testid="tasking-alert" data-kind={alert.kind} data-area-id={alert.itemId}>
              <span>{t('watchedAreas.alert.lapsed', { subject: area.name, n: area.noTeamMinutes })}</span>
              <button type="button" className="button button--small" onClick={() => setDismissed((all) => new Set([...all, alert.seq]))}>
                {t('tasks.alert.dismiss')}
              </button>
            </div>
          );
        }
        return (
          <div key={alert.seq} className="tasking-alerts__item" data-testid="tasking-alert" data-kind={alert.kind} data-task-id={alert.itemId}>
            <span>{t(alert.kind === 'task.overdue' ? 'tasks.alert.overdue' : 'tasks.alert.leftArea', { subject: task?.title ?? '' })}</span>
            <button type="button" className="button button--small" onClick={() => setDismissed((all) => new Set([...all, alert.seq]))}>
              {t('tasks.alert.dismiss')}
            </button>
          </div>
        );
      })}
    </div>
  );
}
