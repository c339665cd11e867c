import type {
  AgencyRequest,
  AgencyRequestWithHistory,
  CreateRequestInput,
  CreateTaskInput,
  CreateWatchedArea,
  CreateWatchedAreaInput,
  Page,
  RecordHandover,
  RequestState,
  Task,
  TaskState,
  ThreadMessage,
  ThreadSubject,
  WatchedArea,
} from '@lintas/contracts';
import type { ApiClient } from '../../api/api-client';
import { newClientId } from '../../field/client-id';

/** The client calls the tasking screens use: the typed routes of tasks and threads, and `call` for the rest. */
export type TaskingClient = Pick<ApiClient, 'call' | 'listTasks' | 'moveTask' | 'listMessages' | 'postMessage'>;

/**
 * The REST calls of tasks, requests between agencies and watched areas (`/api/operations/{id}/tasks`,
 * `/requests`, `/watched-areas`) of one operation, typed from the OpenAPI document; each change
 * carries a new `clientId` (the server applies a resent one once).
 */
export function taskingApi(api: TaskingClient, operationId: string) {
  const path = { operationId };
  return {
    listTasks: (query: { teamId?: string } = {}, signal?: AbortSignal): Promise<Page<Task>> => api.listTasks(operationId, { limit: 500, ...query }, signal),
    createTask: (task: Omit<CreateTaskInput, 'clientId'>): Promise<Task> =>
      api.call((c, headers) => c.POST('/api/operations/{operationId}/tasks', { params: { path }, body: { clientId: newClientId(), ...task }, headers })),
    moveTask: (taskId: string, to: TaskState, reason?: string, clientId = newClientId()): Promise<Task> => api.moveTask(operationId, taskId, { clientId, to, ...(reason ? { reason } : {}) }),

    listRequests: (signal?: AbortSignal): Promise<Page<AgencyRequest>> =>
      api.call((c, headers) => c.GET('/api/operations/{operationId}/requests', { params: { path, query: { limit: 500 } }, headers, signal })),
    getRequest: (requestId: string, signal?: AbortSignal): Promise<AgencyRequestWithHistory> =>
      api.call((c, headers) => c.GET('/api/operations/{operationId}/requests/{requestId}', { params: { path: { ...path, requestId } }, headers, signal })),
    createRequest: (request: Omit<CreateRequestInput, 'clientId'>): Promise<AgencyRequest> =>
      api.call((c, headers) => c.POST('/api/operations/{operationId}/requests', { params: { path }, body: { clientId: newClientId(), ...request }, headers })),
    moveRequest: (requestId: string, to: RequestState, reason?: string): Promise<AgencyRequest> =>
      api.call((c, headers) =>
        c.POST('/api/operations/{operationId}/requests/{requestId}/transitions', { params: { path: { ...path, requestId } }, body: { clientId: newClientId(), to, ...(reason ? { reason } : {}) }, headers }),
      ),
    recordHandover: (requestId: string, handover: Omit<RecordHandover, 'clientId'>): Promise<AgencyRequest> =>
      api.call((c, headers) => c.POST('/api/operations/{operationId}/requests/{requestId}/handover', { params: { path: { ...path, requestId } }, body: { clientId: newClientId(), ...handover }, headers })),
    confirmHandover: (requestId: string, expectedVersion: number): Promise<AgencyRequest> =>
      api.call((c, headers) =>
        c.POST('/api/operations/{operationId}/requests/{requestId}/handover/confirm', { params: { path: { ...path, requestId } }, body: { clientId: newClientId(), expectedVersion }, headers }),
      ),

    messages: (subject: ThreadSubject, subjectId: string, signal?: AbortSignal): Promise<ThreadMessage[]> => api.listMessages(operationId, subject, subjectId, signal),
    postMessage: (subject: ThreadSubject, subjectId: string, body: string): Promise<ThreadMessage> => api.postMessage(operationId, subject, subjectId, { clientId: newClientId(), body }),

    listWatchedAreas: (signal?: AbortSignal): Promise<{ items: WatchedArea[] }> => api.call((c, headers) => c.GET('/api/operations/{operationId}/watched-areas', { params: { path }, headers, signal })),
    createWatchedArea: (area: Omit<CreateWatchedAreaInput, 'clientId' | 'area'> & Pick<CreateWatchedArea, 'area'>): Promise<WatchedArea> =>
      api.call((c, headers) => c.POST('/api/operations/{operationId}/watched-areas', { params: { path }, body: { clientId: newClientId(), ...area }, headers })),
    removeWatchedArea: (watchedAreaId: string): Promise<void> =>
      api.call((c, headers) => c.DELETE('/api/operations/{operationId}/watched-areas/{watchedAreaId}', { params: { path: { ...path, watchedAreaId } }, headers })),
  };
}
export type TaskingApi = ReturnType<typeof taskingApi>;
