import type { OperationEvent, Task, ThreadMessage } from '@lintas/contracts';
import { useEffect, useRef, useState } from 'react';
import type { AccessTokens, ApiClient } from '../api/api-client';
import { createOpsSocket } from '../realtime/ops-socket';
import type { OutboxStore } from './outbox-store';
import { alertNewTask } from './task-alert';

export interface FieldTasksState {
  tasks: Task[];
  /** The live feed is connected: a new task shows up by itself. */
  live: boolean;
  /** Thread messages of the team's tasks received live. */
  messages: readonly ThreadMessage[];
}

const cacheKey = (teamId: string) => `tasks:${teamId}`;

/**
 * The tasks of the officer's team: read over REST (and kept on the phone for offline use), then
 * kept current by the live feed of the operation. A task that arrives live (not in the first read)
 * vibrates and sounds.
 */
export function useFieldTasks(api: ApiClient, tokens: AccessTokens, store: OutboxStore, operationId: string, teamId: string): FieldTasksState {
  const [tasks, setTasks] = useState<Map<string, Task>>(new Map());
  const [live, setLive] = useState(false);
  const [messages, setMessages] = useState<readonly ThreadMessage[]>([]);
  const known = useRef(new Set<string>());

  useEffect(() => {
    let stopped = false;
    known.current = new Set();
    const merge = (incoming: readonly Task[], announce: boolean) => {
      if (stopped) return;
      let fresh = false;
      setTasks((current) => {
        const next = new Map(current);
        for (const task of incoming) {
          if (task.teamId !== teamId) continue;
          const had = next.get(task.id);
          if (had && had.version >= task.version) continue;
          next.set(task.id, task);
        }
        void store.setValue(cacheKey(teamId), [...next.values()]);
        return next;
      });
      for (const task of incoming) {
        if (task.teamId !== teamId || known.current.has(task.id)) continue;
        known.current.add(task.id);
        if (announce && task.state === 'assigned') fresh = true;
      }
      if (fresh) alertNewTask();
    };

    void store.getValue<Task[]>(cacheKey(teamId)).then((cached) => merge(cached ?? [], false));
    const read = () =>
      api.listTasks(operationId, { teamId, limit: 200 }).then(
        (page) => merge(page.items, false),
        () => undefined, // offline: the phone's copy stays
      );

    const socket = createOpsSocket(tokens);
    socket.on('connect', () => {
      void socket.timeout(10_000).emitWithAck('operation:subscribe', { operationId }).then(
        (answer) => {
          if (!answer.ok || stopped) return;
          setLive(true);
          // Read after subscribing: nothing falls between the read and the live feed.
          void read();
        },
        () => undefined,
      );
    });
    socket.on('disconnect', () => setLive(false));
    socket.on('operation:event', (event: OperationEvent) => {
      if (event.type === 'task.created' || event.type === 'task.updated' || event.type === 'task.overdue') merge([event.task], true);
      if (event.type === 'thread.message' && event.message.subject === 'task') setMessages((all) => [...all, event.message].slice(-200));
    });
    // No reconnection attempts while the phone says it has no network (battery, and no failed requests): the `online` event resumes.
    const offline = () => socket.disconnect();
    const online = () => {
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (navigator.onLine !== false) socket.connect();
    void read();
    return () => {
      stopped = true;
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket.close();
    };
  }, [api, tokens, store, operationId, teamId]);

  return { tasks: [...tasks.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)), live, messages };
}
