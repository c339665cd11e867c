import type {
  AgencyRequest,
  AgencyRequestWithHistory,
  CreateRequestInput,
  CreateTaskInput,
  Page,
  RecordHandover,
  RequestState,
  Task,
  TaskState,
  ThreadMessage,
  ThreadSubject,
  WatchedArea,
  CreateWatchedAreaInput,
} from '@lintas/contracts';
import type { ApiClient } from '../../api/api-client';
import { newClientId } from '../../field/client-id';

/** The REST calls of tasks, requests between agencies and watched areas (`/api/operations/{id}/tasks`, `/requests`, `/watched-areas`). */
export function taskingApi(api: Pick<ApiClient, 'request'>, operationId: string) {
  const base = `/api/operations/${encodeURIComponent(operationId)}`;
  return {
    listTasks: (query: { teamId?: string } = {}, signal?: AbortSignal) =>
      api.request<Page<Task>>({ path: `${base}/tasks`, query: { limit: 500, ...query }, signal }),
    createTask: (task: Omit<CreateTaskInput, 'clientId'>) => api.request<Task>({ method: 'POST', path: `${base}/tasks`, body: { clientId: newClientId(), ...task } }),
    moveTask: (taskId: string, to: TaskState, reason?: string, clientId = newClientId()) =>
      api.request<Task>({ method: 'POST', path: `${base}/tasks/${encodeURIComponent(taskId)}/transitions`, body: { clientId, to, ...(reason ? { reason } : {}) } }),
    listRequests: (signal?: AbortSignal) => api.request<Page<AgencyRequest>>({ path: `${base}/requests`, query: { limit: 500 }, signal }),
    getRequest: (requestId: string, signal?: AbortSignal) => api.request<AgencyRequestWithHistory>({ path: `${base}/requests/${encodeURIComponent(requestId)}`, signal }),
    createRequest: (request: Omit<CreateRequestInput, 'clientId'>) =>
      api.request<AgencyRequest>({ method: 'POST', path: `${base}/requests`, body: { clientId: newClientId(), ...request } }),
    moveRequest: (requestId: string, to: RequestState, reason?: string) =>
      api.request<AgencyRequest>({ method: 'POST', path: `${base}/requests/${encodeURIComponent(requestId)}/transitions`, body: { clientId: newClientId(), to, ...(reason ? { reason } : {}) } }),
    recordHandover: (requestId: string, handover: Omit<RecordHandover, 'clientId'>) =>
      api.request<AgencyRequest>({ method: 'POST', path: `${base}/requests/${encodeURIComponent(requestId)}/handover`, body: { clientId: newClientId(), ...handover } }),
    confirmHandover: (requestId: string, expectedVersion: number) =>
      api.request<AgencyRequest>({ method: 'POST', path: `${base}/requests/${encodeURIComponent(requestId)}/handover/confirm`, body: { clientId: newClientId(), expectedVersion } }),
    messages: (subject: ThreadSubject, subjectId: string, signal?: AbortSignal) =>
      api.request<ThreadMessage[]>({ path: `${base}/${subject === 'task' ? 'tasks' : 'requests'}/${encodeURIComponent(subjectId)}/messages`, signal }),
    postMessage: (subject: ThreadSubject, subjectId: string, body: string) =>
      api.request<ThreadMessage>({ method: 'POST', path: `${base}/${subject === 'task' ? 'tasks' : 'requests'}/${encodeURIComponent(subjectId)}/messages`, body: { clientId: newClientId(), body } }),
    listWatchedAreas: (signal?: AbortSignal) => api.request<{ items: WatchedArea[] }>({ path: `${base}/watched-areas`, signal }),
    createWatchedArea: (area: Omit<CreateWatchedAreaInput, 'clientId'>) =>
      api.request<WatchedArea>({ method: 'POST', path: `${base}/watched-areas`, body: { clientId: newClientId(), ...area } }),
    removeWatchedArea: (id: string) => api.request<void>({ method: 'DELETE', path: `${base}/watched-areas/${encodeURIComponent(id)}` }),
  };
}
export type TaskingApi = ReturnType<typeof taskingApi>;
