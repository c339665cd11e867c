import type { Operation, Task, Team, User } from '@lintas/contracts';
import { isCommanding, isTaskOpen, mayWriteInOperation, TASK_STATES, taskTransitionRefusal } from '@lintas/contracts/plain';
import { memo, useMemo, useState } from 'react';
import { errorText } from '../../i18n/error-text';
import { t } from '../../i18n/i18n';
import { useOperationSelector } from '../../realtime/operation-realtime';
import { taskKindLabel, taskStateLabel } from '../../ui/labels';
import { MarkingLabel } from '../../ui/marking-label';
import { formatTime } from '../../ui/time-text';
import { TaskForm } from './task-form';
import { ThreadView } from './thread-view';
import { WatchedAreasSection } from './watched-areas';
import type { TaskingApi } from './tasking-api';
import './tasking.css';

export interface TaskBoardProps {
  operation: Operation;
  user: User;
  calls: TaskingApi;
}

/** The operation's task board: tasks by state (newest first), each with its team; a form for commanders. */
export const TaskBoard = memo(function TaskBoard({ operation, user, calls }: TaskBoardProps) {
  const tasks = useOperationSelector((state) => state.tasks);
  const teams = useOperationSelector((state) => state.teams);
  const requests = useOperationSelector((state) => state.requests);
  const [adding, setAdding] = useState(false);
  const [teamFilter, setTeamFilter] = useState('');
  const actor = { id: user.id, role: user.role, agencyId: user.agency.id };
  const mayWrite = mayWriteInOperation(actor, { role: operation.myRole, status: operation.status });
  const taskable = useMemo(
    () => [...teams.values()].filter((team) => team.agency.id === user.agency.id || operation.myRole === 'lead').sort((a, b) => a.callSign.localeCompare(b.callSign)),
    [teams, user.agency.id, operation.myRole],
  );
  const byState = useMemo(() => {
    const shown = [...tasks.values()].filter((task) => !teamFilter || task.teamId === teamFilter).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return TASK_STATES.map((state) => ({ state, tasks: shown.filter((task) => task.state === state) }));
  }, [tasks, teamFilter]);

  return (
    <section className="task-board" data-testid="task-board">
      <div className="task-board__tools">
        <select value={teamFilter} onChange={(event) => setTeamFilter(event.target.value)} aria-label={t('tasks.team')} data-testid="task-board-team">
          <option value="">{t('tasks.team')}: *</option>
          {[...teams.values()].map((team) => (
            <option key={team.id} value={team.id}>
              {team.callSign}
            </option>
          ))}
        </select>
        {mayWrite && isCommanding(actor) && (
          <button type="button" className="button button--small button--primary" onClick={() => setAdding((open) => !open)} aria-expanded={adding} data-testid="task-new">
            {t('tasks.new')}
          </button>
        )}
      </div>
      {adding && <TaskForm operation={operation} teams={taskable} calls={calls} onDone={() => setAdding(false)} />}
      {tasks.size === 0 && <p className="muted panel-empty">{t('tasks.empty')}</p>}
      {byState
        .filter((group) => group.tasks.length > 0)
        .map((group) => (
          <div key={group.state} className="task-board__column" data-state={group.state} data-testid={`task-column-${group.state}`}>
            <h3>
              {taskStateLabel(group.state)} <span className="muted">({group.tasks.length})</span>
            </h3>
            <ul>
              {group.tasks.map((task) => (
                <TaskCard key={task.id} task={task} team={teams.get(task.teamId)} requestSubject={task.requestId ? requests.get(task.requestId)?.subject : undefined} mayWrite={mayWrite} user={user} calls={calls} />
              ))}
            </ul>
          </div>
        ))}
      <WatchedAreasSection operation={operation} user={user} calls={calls} />
    </section>
  );
});

function TaskCard({ task, team, requestSubject, mayWrite, user, calls }: { task: Task; team: Team | undefined; requestSubject?: string; mayWrite: boolean; user: User; calls: TaskingApi }) {
  const [error, setError] = useState<string | null>(null);
  const [thread, setThread] = useState(false);
  const mayCancel = mayWrite && isTaskOpen(task.state) && taskTransitionRefusal({ role: user.role, agencyId: user.agency.id }, { originAgencyId: task.originAgency.id, teamAgencyId: task.teamAgencyId, isTeamMember: false }, 'cancelled') === null;
  const cancel = async () => {
    const reason = window.prompt(t('tasks.cancelReason'));
    if (!reason) return;
    try {
      await calls.moveTask(task.id, 'cancelled', reason);
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <li className={`task-card${task.overdue ? ' task-card--overdue' : ''}`} data-testid="task-card" data-task-id={task.id} data-state={task.state} data-overdue={task.overdue}>
      <div className="task-card__head">
        <strong>{task.title}</strong>
        <MarkingLabel marking={task.marking} />
      </div>
      <div className="task-card__meta">
        <span>{taskKindLabel(task.kind)}</span> · <span data-testid="task-card-team">{t('tasks.byTeam', { team: team?.callSign ?? '—' })}</span> · <span>{task.originAgency.code}</span>
      </div>
      {task.state === 'assigned' && (
        <div className="task-card__meta">
          {t('tasks.ackDue', { time: formatTime(task.ackDueAt, 'time') })}
          {task.overdue && <span className="task-card__overdue" data-testid="task-overdue">{t('tasking.overdue')}</span>}
        </div>
      )}
      {task.leftArea && <div className="task-card__overdue" data-testid="task-left-area">{t('tasks.leftArea')}</div>}
      {task.stateReason && <div className="task-card__reason">“{task.stateReason}”</div>}
      {requestSubject && <div className="task-card__meta">{t('tasks.fromRequest', { subject: requestSubject })}</div>}
      <div className="tasking-actions">
        <button type="button" className="button button--small" onClick={() => setThread((open) => !open)} aria-expanded={thread} data-testid="task-thread">
          {t('thread.title')}
        </button>
        {mayCancel && (
          <button type="button" className="button button--small button--danger" onClick={() => void cancel()} data-testid="task-cancel">
            {t('tasks.cancel')}
          </button>
        )}
      </div>
      {thread && <ThreadView subject="task" subjectId={task.id} calls={calls} mayWrite={mayWrite} />}
      {error && <p role="alert" className="form-error">{error}</p>}
    </li>
  );
}
