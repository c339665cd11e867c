import type { AgencyRequest, OperationEvent, Task, WatchedArea } from '@lintas/contracts';
import { describe, expect, it } from 'vitest';
import { initialOperationState, operationReducer } from './operation-state';
import { timelineEntryOf } from './timeline';

const task = (version: number, state: Task['state'], overdue = false) =>
  ({ id: 'task-1', teamId: 'team-1', title: 'Hold the bridge', state, overdue, version, stateReason: null, createdAt: '2026-12-01T08:00:00Z' }) as unknown as Task;
const event = (seq: number, data: Record<string, unknown>) =>
  ({ seq, at: '2026-12-01T08:00:00Z', operationId: 'op', actor: null, marking: 'TLP:AMBER', originAgencyId: 'a', recipientAgencyIds: [], ...data }) as unknown as OperationEvent;

describe('tasks and requests in the operation state', () => {
  it('keeps the newest version of each task, from REST and the live feed alike, and raises the overdue alert', () => {
    let state = operationReducer(initialOperationState, { type: 'batch', events: [event(1, { type: 'task.created', task: task(1, 'assigned') })], positions: [], at: 0 });
    state = operationReducer(state, { type: 'batch', events: [event(2, { type: 'task.overdue', task: task(2, 'assigned', true), alertUserIds: ['author'] })], positions: [], at: 0 });
    expect(state.tasks.get('task-1')).toMatchObject({ overdue: true, version: 2 });
    expect(state.taskingAlerts).toEqual([{ seq: 2, at: '2026-12-01T08:00:00Z', kind: 'task.overdue', itemId: 'task-1', userIds: ['author'] }]);
    // An older REST copy does not replace it.
    state = operationReducer(state, { type: 'tasking-loaded', tasks: [task(1, 'assigned')], requests: [{ id: 'r', version: 3 } as AgencyRequest] });
    expect(state.tasks.get('task-1')?.version).toBe(2);
    expect(state.requests.get('r')?.version).toBe(3);
    expect(state.timeline.map((entry) => entry.kind)).toEqual(['task.overdue', 'task.created']);
  });

  it('names the new state on the timeline', () => {
    expect(timelineEntryOf(event(3, { type: 'task.updated', task: task(3, 'done') }))).toMatchObject({ kind: 'task.updated', state: 'done', taskId: 'task-1', subject: 'Hold the bridge' });
  });

  it('keeps watched areas live: created, lapsed (an alert for its author), removed; a REST list drops areas removed meanwhile', () => {
    const area = (id: string, version: number, lapsed = false) => ({ id, name: `Area ${id}`, lapsed, version, noTeamMinutes: 30 }) as unknown as WatchedArea;
    let state = operationReducer(initialOperationState, { type: 'batch', events: [event(1, { type: 'watched_area.created', watchedArea: area('w1', 1) })], positions: [], at: 0 });
    state = operationReducer(state, { type: 'batch', events: [event(2, { type: 'watched_area.lapsed', watchedArea: area('w1', 2, true), alertUserIds: ['author'] })], positions: [], at: 0 });
    expect(state.watchedAreas.get('w1')).toMatchObject({ lapsed: true, version: 2 });
    expect(state.taskingAlerts).toEqual([{ seq: 2, at: '2026-12-01T08:00:00Z', kind: 'watched_area.lapsed', itemId: 'w1', userIds: ['author'] }]);
    expect(state.timeline.map((entry) => entry.kind)).toEqual(['watched_area.lapsed', 'watched_area.created']);
    state = operationReducer(state, { type: 'tasking-loaded', tasks: [], requests: [], watchedAreas: [area('w1', 1), area('w2', 5)] });
    expect(state.watchedAreas.get('w1')?.version).toBe(2);
    state = operationReducer(state, { type: 'batch', events: [event(6, { type: 'watched_area.removed', watchedAreaId: 'w1' })], positions: [], at: 0 });
    expect([...state.watchedAreas.keys()]).toEqual(['w2']);
    state = operationReducer(state, { type: 'tasking-loaded', tasks: [], requests: [], watchedAreas: [] });
    expect(state.watchedAreas.size).toBe(0);
  });
});
