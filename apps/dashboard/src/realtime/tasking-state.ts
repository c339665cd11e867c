import type { AgencyRequest, OperationEvent, Task, ThreadMessage, WatchedArea } from '@lintas/contracts';

/** Something on the tasking side that needs a person's attention: a task not acknowledged in time, a request escalated. */
export interface TaskingAlert {
  seq: number;
  at: string;
  kind: 'task.overdue' | 'task.left_area' | 'request.escalated' | 'watched_area.lapsed';
  /** The task, the request or the watched area. */
  itemId: string;
  /** For task.overdue: the users alerted (the task's author). */
  userIds: readonly string[];
}

export interface TaskingSlice {
  tasks: ReadonlyMap<string, Task>;
  requests: ReadonlyMap<string, AgencyRequest>;
  taskingAlerts: readonly TaskingAlert[];
  /** Watched areas the viewer may see (removed ones dropped). */
  watchedAreas: ReadonlyMap<string, WatchedArea>;
  /** Thread messages received live (the open thread reads its past over REST), newest last. */
  threadMessages: readonly ThreadMessage[];
}

const ALERTS_KEPT = 50;
const MESSAGES_KEPT = 500;

/** Items by id, each replaced only by a newer version (a REST page may be older than the live feed). */
export function mergeNewer<T extends { id: string; version: number }>(current: ReadonlyMap<string, T>, incoming: readonly T[]): ReadonlyMap<string, T> {
  let next: Map<string, T> | null = null;
  for (const item of incoming) {
    const known = (next ?? current).get(item.id);
    if (known && known.version >= item.version) continue;
    next ??= new Map(current);
    next.set(item.id, item);
  }
  return next ?? current;
}

/** The operation state's tasking part after one event (unchanged, same identity, for any other event). */
export function applyTaskingEvent(slice: TaskingSlice, event: OperationEvent): TaskingSlice {
  switch (event.type) {
    case 'task.created':
    case 'task.updated':
      return { ...slice, tasks: mergeNewer(slice.tasks, [event.task]) };
    case 'task.overdue':
      return {
        ...slice,
        tasks: mergeNewer(slice.tasks, [event.task]),
        taskingAlerts: withAlert(slice.taskingAlerts, { seq: event.seq, at: event.at, kind: 'task.overdue', itemId: event.task.id, userIds: event.alertUserIds }),
      };
    case 'task.left_area':
      return {
        ...slice,
        tasks: mergeNewer(slice.tasks, [event.task]),
        taskingAlerts: withAlert(slice.taskingAlerts, { seq: event.seq, at: event.at, kind: 'task.left_area', itemId: event.task.id, userIds: event.alertUserIds }),
      };
    case 'request.created':
    case 'request.updated':
      return { ...slice, requests: mergeNewer(slice.requests, [event.request]) };
    case 'watched_area.created':
      return { ...slice, watchedAreas: mergeNewer(slice.watchedAreas, [event.watchedArea]) };
    case 'watched_area.lapsed':
      return {
        ...slice,
        watchedAreas: mergeNewer(slice.watchedAreas, [event.watchedArea]),
        taskingAlerts: withAlert(slice.taskingAlerts, { seq: event.seq, at: event.at, kind: 'watched_area.lapsed', itemId: event.watchedArea.id, userIds: event.alertUserIds }),
      };
    case 'watched_area.removed': {
      if (!slice.watchedAreas.has(event.watchedAreaId)) return slice;
      const watchedAreas = new Map(slice.watchedAreas);
      watchedAreas.delete(event.watchedAreaId);
      return { ...slice, watchedAreas };
    }
    case 'thread.message':
      return { ...slice, threadMessages: [...slice.threadMessages, event.message].slice(-MESSAGES_KEPT) };
    case 'request.escalated':
      return { ...slice, taskingAlerts: withAlert(slice.taskingAlerts, { seq: event.seq, at: event.at, kind: 'request.escalated', itemId: event.requestId, userIds: [] }) };
    default:
      return slice;
  }
}

function withAlert(alerts: readonly TaskingAlert[], alert: TaskingAlert): readonly TaskingAlert[] {
  return [...alerts, alert].slice(-ALERTS_KEPT);
}
