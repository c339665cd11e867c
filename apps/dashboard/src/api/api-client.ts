import type {
  AmendReport,
  CreateReport,
  EventLogPage,
  EventLogQuery,
  Operation,
  OperationSnapshot,
  OperationSummary,
  Page,
  PositionBatch,
  PositionBatchResult,
  PositionHistoryQuery,
  Report,
  ReportQuery,
  ReportWithHistory,
  Site,
  SiteQuery,
  Team,
  TeamStatus,
  TeamTrackPage,
  User,
} from '@lintas/contracts';
import { ApiError } from './api-error';
import { type Fetch, type HttpRequest, type QueryValue, requestJson } from './http';

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
 * The typed client of the Lintas REST API (same origin, `/api`). Types come from the contracts.
 * A 401 renews the access token once and repeats the request; any other failure is an `ApiError`
 * whose message comes from the server and can be shown as it is.
 */
export class ApiClient {
  private readonly tokens: AccessTokens;
  private readonly doFetch: Fetch;

  constructor(options: ApiClientOptions) {
    this.tokens = options.tokens;
    this.doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  /** Any authenticated request, for routes this class has no method for yet. */
  async request<T>(request: Omit<HttpRequest, 'token'>): Promise<T> {
    const token = await this.tokens.accessToken();
    if (!token) throw new ApiError(401, 'Sign in first');
    try {
      return await requestJson<T>(this.doFetch, { ...request, token });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const renewed = await this.tokens.renewAfterUnauthorized(token);
      if (!renewed || renewed === token) throw error;
      return requestJson<T>(this.doFetch, { ...request, token: renewed });
    }
  }

  me(signal?: AbortSignal): Promise<User> {
    return this.request({ path: '/api/me', signal });
  }

  // operations
  listOperations(signal?: AbortSignal): Promise<OperationSummary[]> {
    return this.request({ path: '/api/operations', signal });
  }

  getOperation(operationId: string, signal?: AbortSignal): Promise<Operation> {
    return this.request({ path: `/api/operations/${enc(operationId)}`, signal });
  }

  /** Everything to draw the operation now, and the seq to subscribe with. */
  getSnapshot(operationId: string, signal?: AbortSignal): Promise<OperationSnapshot> {
    return this.request({ path: `/api/operations/${enc(operationId)}/snapshot`, signal });
  }

  listEvents(operationId: string, query: Partial<EventLogQuery> = {}, signal?: AbortSignal): Promise<EventLogPage> {
    return this.request({ path: `/api/operations/${enc(operationId)}/events`, query: { ...query }, signal });
  }

  // sites
  listSites(query: Partial<Omit<SiteQuery, 'bbox'>> & { bbox?: string } = {}, signal?: AbortSignal): Promise<Site[]> {
    return this.request({ path: '/api/sites', query: { ...query }, signal });
  }

  // teams
  listTeams(operationId: string, signal?: AbortSignal): Promise<Team[]> {
    return this.request({ path: `/api/operations/${enc(operationId)}/teams`, signal });
  }

  setTeamStatus(teamId: string, status: TeamStatus): Promise<Team> {
    return this.request({ method: 'POST', path: `/api/teams/${enc(teamId)}/status`, body: { status } });
  }

  /** A field outbox's positions of one team, oldest first; a re-sent position is stored once. */
  postPositions(operationId: string, teamId: string, batch: PositionBatch): Promise<PositionBatchResult> {
    return this.request({ method: 'POST', path: `/api/operations/${enc(operationId)}/teams/${enc(teamId)}/positions`, body: batch });
  }

  teamTrack(operationId: string, teamId: string, query: Partial<PositionHistoryQuery> = {}, signal?: AbortSignal): Promise<TeamTrackPage> {
    return this.request({ path: `/api/operations/${enc(operationId)}/teams/${enc(teamId)}/positions`, query: { ...query }, signal });
  }

  // reports
  /** Idempotent by `clientId`: sending the same report again answers the stored one. */
  createReport(operationId: string, report: CreateReport): Promise<Report> {
    return this.request({ method: 'POST', path: `/api/operations/${enc(operationId)}/reports`, body: report });
  }

  listReports(operationId: string, query: ReportListQuery = {}, signal?: AbortSignal): Promise<Page<Report>> {
    return this.request({ path: `/api/operations/${enc(operationId)}/reports`, query: query as Record<string, QueryValue>, signal });
  }

  /** One report with its history (the read is audited by the server). */
  getReport(reportId: string, signal?: AbortSignal): Promise<ReportWithHistory> {
    return this.request({ path: `/api/reports/${enc(reportId)}`, signal });
  }

  amendReport(reportId: string, amendment: AmendReport): Promise<Report> {
    return this.request({ method: 'PATCH', path: `/api/reports/${enc(reportId)}`, body: amendment });
  }

  verifyReport(reportId: string, reason?: string): Promise<Report> {
    return this.request({ method: 'POST', path: `/api/reports/${enc(reportId)}/verify`, body: reason ? { reason } : {} });
  }

  rejectReport(reportId: string, reason: string): Promise<Report> {
    return this.request({ method: 'POST', path: `/api/reports/${enc(reportId)}/reject`, body: { reason } });
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}
