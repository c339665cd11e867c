import type {
  AfterActionQuery,
  AmendReport,
  CreateDocumentCheckInput,
  CreateReportInput,
  DocumentCheck,
  DocumentCheckFiguresRow,
  EventLogPage,
  EventLogQuery,
  Operation,
  OperationLessons,
  OperationSnapshot,
  CompactOperationSnapshot,
  OperationSummary,
  Page,
  PostMessage,
  PositionBatchInput,
  PositionBatchResult,
  PositionHistoryQuery,
  Report,
  ReportQuery,
  RecordCheckOutcome,
  ReplayWindow,
  ReportWithHistory,
  SaveLessons,
  Site,
  SiteQuery,
  SnapshotAnswer,
  SnapshotQuery,
  TakDevice,
  Task,
  TaskTransitionRequest,
  Team,
  TeamStatus,
  TeamTrackPage,
  ThreadMessage,
  ThreadSubject,
  UpdatePreferences,
  User,
} from '@lintas/contracts';
// Without zod: the client is part of the early start, before the schemas are wanted (see app/early-start.ts).
import { isCompactSnapshot } from '@lintas/contracts/plain';
import { ApiError } from './api-error';
import { errorAnswer, type Fetch, type QueryValue, unreachable } from './http';
import { createTypedClient, type TypedClient } from './typed-client';

/** Where the client gets its bearer token; the session store implements it. */
export interface AccessTokens {
  /** A usable access token (renewed first when about to expire), or null when nobody is signed in. */
  accessToken(): Promise<string | null>;
  /**
   * The server refused `refused` with 401: answer a renewed token (one refresh for any number of
   * callers at once), or null when the session has ended.
   */
  renewAfterUnauthorized(refused: string): Promise<string | null>;
}

export interface ApiClientOptions {
  tokens: AccessTokens;
  fetch?: Fetch;
}

/** Report list filters as the client passes them (lists, not the comma-joined query form). */
export type ReportListQuery = Partial<Omit<ReportQuery, 'bbox'>> & { bbox?: string };

/**
 * The typed client of the Lintas REST API (same origin, `/api`): paths, parameters and bodies are
 * typed from the API's OpenAPI document (generated types in the contracts, openapi-fetch); answers
 * carry the contracts' types. A 401 renews the access token once and repeats the request; any other
 * failure is an `ApiError` whose message comes from the server and can be shown as it is.
 */
export class ApiClient {
  private readonly tokens: AccessTokens;
  private readonly doFetch: Fetch;
  private readonly typed: TypedClient;

  constructor(options: ApiClientOptions) {
    this.tokens = options.tokens;
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.typed = createTypedClient(this.doFetch);
  }

  /**
   * One typed call (any route of the generated document) with the session's token; features build
   * their own clients on it. The answer has the type the document gives the route's success answer
   * (the contracts' schema it was published from), so a wrapper declaring a contracts type is checked.
   */
  call<T>(send: (api: TypedClient, headers: { authorization: string }) => Promise<TypedAnswer<NoInfer<Described<T>>>>): Promise<T> {
    return this.send(send);
  }

  me(signal?: AbortSignal): Promise<User> {
    return this.send((api, headers) => api.GET('/api/me', { headers, signal }));
  }

  /** The signed-in user's own language and time display; answers the user with them. */
  updatePreferences(changes: UpdatePreferences): Promise<User> {
    return this.send((api, headers) => api.PUT('/api/me/preferences', { headers, body: changes }));
  }

  // operations
  listOperations(signal?: AbortSignal): Promise<OperationSummary[]> {
    return this.send((api, headers) => api.GET('/api/operations', { headers, signal }));
  }

  getOperation(operationId: string, signal?: AbortSignal): Promise<Operation> {
    return this.send((api, headers) => api.GET('/api/operations/{id}', { params: { path: { id: operationId } }, headers, signal }));
  }

  /** Everything to draw the operation now, and the seq to subscribe with. */
  /** `query.reports`: how many of the newest visible reports to carry (the server's cap when left out). */
  async getSnapshot(operationId: string, signal?: AbortSignal, query: SnapshotQuery = {}): Promise<OperationSnapshot> {
    return fullSnapshot(await this.snapshot(operationId, query, signal));
  }

  /**
   * The same snapshot with each report in its summary form (`compact=1`): what the first screen
   * draws, half the bytes to send and parse. The full report is `getReport`, when one is opened.
   */
  async getCompactSnapshot(operationId: string, signal?: AbortSignal, query: SnapshotQuery = {}): Promise<CompactOperationSnapshot> {
    const snapshot = await this.snapshot(operationId, { ...query, compact: '1' }, signal);
    if (!isCompactSnapshot(snapshot)) throw new Error('The server answered the full snapshot to compact=1');
    return snapshot;
  }

  /** The operation as it was at `at` (replay), in the snapshot's shape. */
  async getSnapshotAt(operationId: string, at: string, signal?: AbortSignal): Promise<OperationSnapshot> {
    return fullSnapshot(await this.snapshot(operationId, { at }, signal));
  }

  /** The snapshot route answers either form (the document says both); `compact` chooses. */
  private snapshot(operationId: string, query: SnapshotQuery & { compact?: '0' | '1' }, signal?: AbortSignal): Promise<SnapshotAnswer> {
    return this.send((api, headers) => api.GET('/api/operations/{id}/snapshot', { params: { path: { id: operationId }, query }, headers, signal }));
  }

  /** The events, time-bar marks and thinned tracks of a replay window. */
  getReplayWindow(operationId: string, query: { from: string; to: string; points?: number }, signal?: AbortSignal): Promise<ReplayWindow> {
    return this.send((api, headers) => api.GET('/api/operations/{id}/replay', { params: { path: { id: operationId }, query }, headers, signal }));
  }

  /** The after-action report as a PDF file (the caller's view; audited by the server). */
  afterActionReport(operationId: string, query: AfterActionQuery = {}): Promise<Blob> {
    return this.send((api, headers) =>
      api.GET('/api/operations/{id}/after-action-report', { params: { path: { id: operationId }, query }, headers: { ...headers, accept: 'application/pdf' }, parseAs: 'blob' }),
    );
  }

  getLessons(operationId: string, signal?: AbortSignal): Promise<OperationLessons> {
    return this.send((api, headers) => api.GET('/api/operations/{id}/lessons', { params: { path: { id: operationId } }, headers, signal }));
  }

  saveLessons(operationId: string, lessons: SaveLessons): Promise<OperationLessons> {
    return this.send((api, headers) => api.PUT('/api/operations/{id}/lessons', { params: { path: { id: operationId } }, body: lessons, headers }));
  }

  listEvents(operationId: string, query: Partial<EventLogQuery> = {}, signal?: AbortSignal): Promise<EventLogPage> {
    return this.send((api, headers) => api.GET('/api/operations/{id}/events', { params: { path: { id: operationId }, query }, headers, signal }));
  }

  // sites
  listSites(query: Partial<Omit<SiteQuery, 'bbox' | 'includeRetired'>> & { bbox?: string } = {}, signal?: AbortSignal): Promise<Site[]> {
    return this.send((api, headers) => api.GET('/api/sites', { params: { query }, headers, signal }));
  }

  // teams
  listTeams(operationId: string, signal?: AbortSignal): Promise<Team[]> {
    return this.send((api, headers) => api.GET('/api/operations/{id}/teams', { params: { path: { id: operationId } }, headers, signal }));
  }

  setTeamStatus(teamId: string, status: TeamStatus, signal?: AbortSignal): Promise<Team> {
    return this.send((api, headers) => api.POST('/api/teams/{id}/status', { params: { path: { id: teamId } }, body: { status }, headers, signal }));
  }

  /** A field outbox's positions of one team, oldest first; a re-sent position is stored once. */
  postPositions(operationId: string, teamId: string, batch: PositionBatchInput, signal?: AbortSignal): Promise<PositionBatchResult> {
    return this.send((api, headers) => api.POST('/api/operations/{operationId}/teams/{teamId}/positions', { params: { path: { operationId, teamId } }, body: batch, headers, signal }));
  }

  teamTrack(operationId: string, teamId: string, query: Partial<PositionHistoryQuery> = {}, signal?: AbortSignal): Promise<TeamTrackPage> {
    return this.send((api, headers) => api.GET('/api/operations/{operationId}/teams/{teamId}/positions', { params: { path: { operationId, teamId }, query }, headers, signal }));
  }

  // TAK devices bound to a team
  listTeamDevices(operationId: string, teamId: string, signal?: AbortSignal): Promise<TakDevice[]> {
    return this.send((api, headers) => api.GET('/api/operations/{operationId}/teams/{teamId}/devices', { params: { path: { operationId, teamId } }, headers, signal }));
  }

  bindTeamDevice(operationId: string, teamId: string, uid: string): Promise<TakDevice> {
    return this.send((api, headers) => api.POST('/api/operations/{operationId}/teams/{teamId}/devices', { params: { path: { operationId, teamId } }, body: { uid }, headers }));
  }

  unbindTeamDevice(operationId: string, teamId: string, uid: string): Promise<void> {
    return this.send((api, headers) => api.DELETE('/api/operations/{operationId}/teams/{teamId}/devices/{uid}', { params: { path: { operationId, teamId, uid } }, headers }));
  }

  // reports
  /** Idempotent by `clientId`: sending the same report again answers the stored one. */
  createReport(operationId: string, report: CreateReportInput, signal?: AbortSignal): Promise<Report> {
    return this.send((api, headers) => api.POST('/api/operations/{operationId}/reports', { params: { path: { operationId } }, body: report, headers, signal }));
  }

  listReports(operationId: string, query: ReportListQuery = {}, signal?: AbortSignal): Promise<Page<Report>> {
    // Lists are sent comma-joined (the query serializer does it): the document types them as that string.
    const listQuery = query as Record<string, QueryValue> as { [name: string]: string };
    return this.send((api, headers) => api.GET('/api/operations/{operationId}/reports', { params: { path: { operationId }, query: listQuery }, headers, signal }));
  }

  /** An export file (`format` and the map's filters in `query`), as a blob with the file name the server gave it (it names the marking). */
  downloadExport(operationId: string, query: Record<string, string>, signal?: AbortSignal): Promise<{ blob: Blob; fileName: string | null }> {
    const exportQuery = query as { format: 'geojson' | 'csv' | 'kml' | 'tak' };
    return this.withToken(async (token) => {
      let answer: TypedAnswer;
      try {
        answer = await this.typed.GET('/api/operations/{operationId}/export', {
          params: { path: { operationId }, query: exportQuery },
          headers: { authorization: `Bearer ${token}` },
          parseAs: 'blob',
          signal,
        });
      } catch (error) {
        throw unreachable(error);
      }
      if (!answer.response.ok) throw errorAnswer(answer.response.status, answer.error);
      const disposition = answer.response.headers.get('content-disposition');
      return { blob: answer.data as Blob, fileName: disposition?.match(/filename="([^"]+)"/)?.[1] ?? null };
    });
  }

  /** One report with its history (the read is audited by the server). */
  getReport(reportId: string, signal?: AbortSignal): Promise<ReportWithHistory> {
    return this.send((api, headers) => api.GET('/api/reports/{id}', { params: { path: { id: reportId } }, headers, signal }));
  }

  amendReport(reportId: string, amendment: AmendReport): Promise<Report> {
    return this.send((api, headers) => api.PATCH('/api/reports/{id}', { params: { path: { id: reportId } }, body: amendment, headers }));
  }

  verifyReport(reportId: string, reason?: string): Promise<Report> {
    return this.send((api, headers) => api.POST('/api/reports/{id}/verify', { params: { path: { id: reportId } }, body: reason ? { reason } : {}, headers }));
  }

  rejectReport(reportId: string, reason: string): Promise<Report> {
    return this.send((api, headers) => api.POST('/api/reports/{id}/reject', { params: { path: { id: reportId } }, body: { reason }, headers }));
  }

  // tasks and their threads (the task board, and the field page's tasks)
  listTasks(operationId: string, query: { teamId?: string; limit?: number } = {}, signal?: AbortSignal): Promise<Page<Task>> {
    return this.send((api, headers) => api.GET('/api/operations/{operationId}/tasks', { params: { path: { operationId }, query }, headers, signal }));
  }

  /** Idempotent by `clientId`: a resent change (the field outbox) answers the task and changes nothing. */
  moveTask(operationId: string, taskId: string, change: TaskTransitionRequest, signal?: AbortSignal): Promise<Task> {
    return this.send((api, headers) => api.POST('/api/operations/{operationId}/tasks/{taskId}/transitions', { params: { path: { operationId, taskId } }, body: change, headers, signal }));
  }

  /** A task's or a request's thread, oldest first. */
  listMessages(operationId: string, subject: ThreadSubject, subjectId: string, signal?: AbortSignal): Promise<ThreadMessage[]> {
    return this.send((api, headers) =>
      subject === 'task'
        ? api.GET('/api/operations/{operationId}/tasks/{taskId}/messages', { params: { path: { operationId, taskId: subjectId } }, headers, signal })
        : api.GET('/api/operations/{operationId}/requests/{requestId}/messages', { params: { path: { operationId, requestId: subjectId } }, headers, signal }),
    );
  }

  /** Idempotent by `clientId` (a resend answers the stored message). */
  postMessage(operationId: string, subject: ThreadSubject, subjectId: string, message: PostMessage, signal?: AbortSignal): Promise<ThreadMessage> {
    return this.send((api, headers) =>
      subject === 'task'
        ? api.POST('/api/operations/{operationId}/tasks/{taskId}/messages', { params: { path: { operationId, taskId: subjectId } }, body: message, headers, signal })
        : api.POST('/api/operations/{operationId}/requests/{requestId}/messages', { params: { path: { operationId, requestId: subjectId } }, body: message, headers, signal }),
    );
  }

  // document checks (the field page's checks, the operations room's outcomes and figures)
  /** Idempotent by `clientId`: a resent check answers the stored one. */
  createDocumentCheck(operationId: string, check: CreateDocumentCheckInput, signal?: AbortSignal): Promise<DocumentCheck> {
    return this.send((api, headers) => api.POST('/api/operations/{operationId}/document-checks', { params: { path: { operationId } }, body: check, headers, signal }));
  }

  /** The checks the caller may see (never the numbers), newest first. */
  listDocumentChecks(operationId: string, signal?: AbortSignal): Promise<DocumentCheck[]> {
    return this.send((api, headers) => api.GET('/api/operations/{operationId}/document-checks', { params: { path: { operationId } }, headers, signal }));
  }

  documentCheckFigures(operationId: string, signal?: AbortSignal): Promise<DocumentCheckFiguresRow[]> {
    return this.send((api, headers) => api.GET('/api/operations/{operationId}/document-checks/figures', { params: { path: { operationId } }, headers, signal }));
  }

  recordCheckOutcome(checkId: string, outcome: RecordCheckOutcome): Promise<DocumentCheck> {
    return this.send((api, headers) => api.POST('/api/document-checks/{id}/outcome', { params: { path: { id: checkId } }, body: outcome, headers }));
  }

  /**
   * One typed call with the session's token. The answer's type is the one the published document
   * gives the route (generated from the contracts' zod schemas): no cast, and a method declaring a
   * contracts type fails to compile when the two drift apart.
   */
  private send<T>(call: (api: TypedClient, headers: { authorization: string }) => Promise<TypedAnswer<NoInfer<Described<T>>>>): Promise<T> {
    return this.withToken(async (token) => {
      let answer: TypedAnswer<Described<T>>;
      try {
        answer = await call(this.typed, { authorization: `Bearer ${token}` });
      } catch (error) {
        throw unreachable(error);
      }
      if (!answer.response.ok) throw errorAnswer(answer.response.status, answer.error);
      // The document's type of the answer is `Described<T>`, checked by the compiler; `T` only adds
      // back the tuples openapi-fetch's answer types widen to arrays. `data` is undefined only on a
      // failure (thrown above) or an empty answer (204, typed `void`).
      return answer.data as T;
    });
  }

  /** Runs `run` with a token; after a 401, renews it once (one refresh for any number of callers) and runs again. */
  private async withToken<T>(run: (token: string) => Promise<T>): Promise<T> {
    const token = await this.tokens.accessToken();
    if (!token) throw new ApiError(401, 'Sign in first');
    try {
      return await run(token);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const renewed = await this.tokens.renewAfterUnauthorized(token);
      if (!renewed || renewed === token) throw error;
      return run(renewed);
    }
  }
}

/** A snapshot asked for without `compact=1`: the full form (anything else is the server's mistake, not the caller's). */
function fullSnapshot(snapshot: SnapshotAnswer): OperationSnapshot {
  if (isCompactSnapshot(snapshot)) throw new Error('The server answered the compact snapshot without compact=1');
  return snapshot;
}

/** What an openapi-fetch call answers: `data` typed as the document describes the route's success answer. */
export interface TypedAnswer<D = unknown> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * What the published document must say an answer of type `T` is: `T` with its tuples as arrays
 * (openapi-fetch's answer types widen a tuple such as a position `[lon, lat]` to an array). A route
 * whose document says something else — another field, another type — fails to compile.
 */
export type Described<T> = T extends void
  ? unknown
  : T extends readonly unknown[]
    ? Described<T[number]>[]
    : T extends object
      ? { [K in keyof T]: Described<T[K]> }
      : T;
