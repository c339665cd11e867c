import { randomUUID } from 'node:crypto';
import { createTaskSchema, type LatLon, type ScenarioEvent, type Team } from '@lintas/contracts';
import type { LintasApi } from '../client/lintas-api';
import { waypointPoint } from '../scenario/route-motion';
import type { OperationTarget } from './operation-target';
import { siteId } from './operation-target';
import { clock, type Tally } from './progress';

export type TaskEvent = Extract<ScenarioEvent, { kind: 'task' | 'task-update' }>;

export function isTaskEvent(event: ScenarioEvent): event is TaskEvent {
  return event.kind === 'task' || event.kind === 'task-update';
}

interface TaskContext {
  target: OperationTarget;
  accounts: ReadonlyMap<string, LintasApi>;
  /** The e-mail of the account that drives the event's team. */
  teamAccount: string;
  teamAt: LatLon;
  taskIds: Map<string, string>;
  /** Requests sent earlier in this play, by subject (a task may answer one). */
  requestIds: ReadonlyMap<string, string>;
  tally: Tally;
  log: (line: string) => void;
}

/**
 * A scenario's tasking, through the public API as people would: the commander (`by`) gives the
 * team a task; the team's field account acknowledges it and reports progress. Each create and each
 * change carries a client id, kept across retries, so a retry applies once.
 */
export async function postTaskEvent(event: TaskEvent, context: TaskContext): Promise<void> {
  const { target, accounts, taskIds, tally, log } = context;
  const team = target.teams.get(event.team) as Team;
  const stamp = `[t+${clock(event.at)}] ${event.team.padEnd(14)} ${event.kind.padEnd(14)}`;
  const operationId = target.operation.id;
  try {
    if (event.kind === 'task') {
      const api = accounts.get(event.by) as LintasApi;
      let { lat, lon } = context.teamAt;
      let site: string | null = null;
      if (typeof event.place === 'object') {
        ({ lat, lon } = waypointPoint(event.place));
        if (event.place.site) site = await siteId(target, api, event.place.site);
      }
      const requestId = event.request === undefined ? null : context.requestIds.get(event.request);
      if (requestId === undefined) throw new Error(`no request "${event.request}" was sent earlier in this play`);
      const body = createTaskSchema.parse({
        clientId: randomUUID(),
        teamId: team.id,
        kind: event.taskKind,
        title: event.title,
        instructions: event.instructions,
        target: { lat, lon, siteId: site },
        ackWithinSeconds: event.ackWithin,
        marking: event.marking,
        requestId,
      });
      const task = await api.call<{ id: string }>((client) => client.POST('/api/operations/{operationId}/tasks', { params: { path: { operationId } }, body }), { retries: 4 });
      taskIds.set(event.title, task.id);
      log(`${stamp} "${event.title}" given by ${event.by}`);
    } else {
      const taskId = taskIds.get(event.title);
      if (!taskId) throw new Error(`no task "${event.title}" was given earlier in this play`);
      const api = accounts.get(context.teamAccount) as LintasApi;
      const body = { clientId: randomUUID(), to: event.to, ...(event.reason ? { reason: event.reason } : {}) };
      await api.call((client) => client.POST('/api/operations/{operationId}/tasks/{taskId}/transitions', { params: { path: { operationId, taskId } }, body }), { retries: 4 });
      log(`${stamp} "${event.title}" → ${event.to}`);
    }
    tally.taskEvents++;
  } catch (error) {
    tally.taskEventsFailed++;
    log(`${stamp} FAILED: ${(error as Error).message}`);
  }
}
