import { canTransitionTask, isTaskOpen, type Task, type TaskState } from '@lintas/contracts';
import { useState } from 'react';
import type { AccessTokens, ApiClient } from '../api/api-client';
import { ft } from '../i18n/field-i18n';
import { taskKindLabel, taskStateLabel } from '../ui/labels';
import { formatTime } from '../ui/time-text';
import type { OutboxStore } from './outbox-store';
import type { StoredOutboxItem } from './outbox-types';
import type { SyncEngine } from './sync-engine';
import type { Assignment } from './use-field-context';
import { FieldThread } from './field-thread';
import { useFieldTasks } from './use-field-tasks';
import './field-tasks.css';

export interface FieldTasksProps {
  assignment: Assignment;
  api: ApiClient;
  tokens: AccessTokens;
  outbox: OutboxStore;
  engine: SyncEngine;
  items: readonly StoredOutboxItem[];
}

type TaskItem = StoredOutboxItem & { kind: 'task' };

/**
 * The team's tasks on the phone. Acknowledging and reporting progress go through the outbox (one
 * change per item, its id the change's clientId): offline they wait, in order, and are applied
 * once. What the officer chose shows at once, as it waits.
 */
export function FieldTasks({ assignment, api, tokens, outbox, engine, items }: FieldTasksProps) {
  const { operation, team } = assignment;
  const [threadOf, setThreadOf] = useState<string | null>(null);
  const { tasks, live, messages } = useFieldTasks(api, tokens, outbox, operation.id, team.id);
  const waiting = items.filter((item): item is TaskItem => item.kind === 'task' && item.state !== 'rejected' && item.state !== 'delivered');

  const move = (task: Task, to: TaskState) => {
    let reason: string | undefined;
    if (to === 'unable') {
      reason = window.prompt(ft('tasks.unableReason')) ?? undefined;
      if (!reason) return;
    }
    void engine.enqueue({ kind: 'task', operationId: operation.id, teamId: team.id, body: { taskId: task.id, title: task.title, to, ...(reason ? { reason } : {}) } });
  };

  return (
    <section className="field-panel field-tasks" data-testid="field-tasks" data-live={live}>
      <p className="field-muted" data-testid="field-tasks-live">{live ? ft('tasks.live') : ft('tasks.offline')}</p>
      {tasks.length === 0 && <p className="field-muted">{ft('tasks.none')}</p>}
      <ul className="field-tasks__list">
        {tasks.map((task) => {
          // The officer's changes still waiting apply on top of what the server last said, in order.
          const pending = waiting.filter((item) => item.body.taskId === task.id);
          const state = pending.length ? pending[pending.length - 1].body.to : task.state;
          return (
            <li key={task.id} className={`field-task field-task--${state}${task.overdue && state === 'assigned' ? ' field-task--overdue' : ''}`} data-testid="field-task" data-task-id={task.id} data-state={state}>
              <div className="field-task__head">
                <strong>{task.title}</strong>
                <span className="field-badge">{taskStateLabel(state)}</span>
              </div>
              <p className="field-muted">
                {taskKindLabel(task.kind)} · {task.originAgency.code} · {task.marking}
              </p>
              {task.instructions && <p>{task.instructions}</p>}
              {task.target.lat !== null && task.target.lon !== null && <p className="field-muted">{ft('tasks.target', { lat: task.target.lat.toFixed(4), lon: task.target.lon.toFixed(4) })}</p>}
              {state === 'assigned' && <p className="field-muted">{ft('tasks.ackBy', { time: formatTime(task.ackDueAt, 'time') })}</p>}
              {task.dueAt && <p className="field-muted">{ft('tasks.due', { time: formatTime(task.dueAt, 'datetime') })}</p>}
              {pending.length > 0 && <p className="field-muted" data-testid="field-task-pending">{ft('tasks.pending')}</p>}
              {isTaskOpen(state) && (
                <div className="field-actions field-actions--row">
                  {canTransitionTask(state, 'acknowledged') && (
                    <button type="button" className="field-button field-button--primary" onClick={() => move(task, 'acknowledged')} data-testid="field-task-ack">
                      {ft('tasks.acknowledge')}
                    </button>
                  )}
                  {canTransitionTask(state, 'in_progress') && (
                    <button type="button" className="field-button" onClick={() => move(task, 'in_progress')} data-testid="field-task-start">
                      {ft('tasks.start')}
                    </button>
                  )}
                  {canTransitionTask(state, 'done') && (
                    <button type="button" className="field-button field-button--primary" onClick={() => move(task, 'done')} data-testid="field-task-done">
                      {ft('tasks.done')}
                    </button>
                  )}
                  {canTransitionTask(state, 'unable') && (
                    <button type="button" className="field-button" onClick={() => move(task, 'unable')} data-testid="field-task-unable">
                      {ft('tasks.unable')}
                    </button>
                  )}
                </div>
              )}
              <button type="button" className="field-button field-button--small" onClick={() => setThreadOf(threadOf === task.id ? null : task.id)} aria-expanded={threadOf === task.id} data-testid="field-task-thread">
                {ft('thread.title')}
              </button>
              {threadOf === task.id && <FieldThread task={task} api={api} engine={engine} live={messages} items={items} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
