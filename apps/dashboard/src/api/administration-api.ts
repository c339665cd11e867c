import type {
  AddParticipant,
  Agency,
  AuditEntry,
  AuditQuery,
  CreateAgency,
  CreateOperation,
  CreateSite,
  CreateTeam,
  CreateUser,
  Operation,
  OperationParticipant,
  OperationStatus,
  Page,
  SetPasswordRequest,
  SetPasswordResponse,
  Site,
  Team,
  UpdateAgency,
  UpdateOperation,
  UpdateSite,
  UpdateTeam,
  UpdateUser,
  User,
  UserWithSetPasswordLink,
} from '@lintas/contracts';
import type { ApiClient } from './api-client';
import { errorAnswer, type Fetch, unreachable } from './http';
import { createTypedClient } from './typed-client';

/**
 * The administration and planning routes, typed from the OpenAPI document, over the session's
 * `ApiClient` (its token and its one renewal after a 401).
 */
export function administrationApi(api: ApiClient) {
  return {
    // agencies (administrators change them; everyone lists them)
    listAgencies: (signal?: AbortSignal): Promise<Agency[]> => api.call((c, headers) => c.GET('/api/agencies', { headers, signal })),
    createAgency: (body: CreateAgency): Promise<Agency> => api.call((c, headers) => c.POST('/api/agencies', { body, headers })),
    updateAgency: (id: string, body: UpdateAgency): Promise<Agency> => api.call((c, headers) => c.PATCH('/api/agencies/{id}', { params: { path: { id } }, body, headers })),

    // accounts
    listUsers: (signal?: AbortSignal): Promise<User[]> => api.call((c, headers) => c.GET('/api/users', { headers, signal })),
    createUser: (body: CreateUser): Promise<UserWithSetPasswordLink> => api.call((c, headers) => c.POST('/api/users', { body, headers })),
    updateUser: (id: string, body: UpdateUser): Promise<User> => api.call((c, headers) => c.PATCH('/api/users/{id}', { params: { path: { id } }, body, headers })),
    resetPassword: (id: string): Promise<UserWithSetPasswordLink> => api.call((c, headers) => c.POST('/api/users/{id}/reset-password', { params: { path: { id } }, headers })),

    // border sites
    listSites: (query: { q?: string; includeRetired?: 'true' | 'false' } = {}, signal?: AbortSignal): Promise<Site[]> =>
      api.call((c, headers) => c.GET('/api/sites', { params: { query }, headers, signal })),
    createSite: (body: CreateSite): Promise<Site> => api.call((c, headers) => c.POST('/api/sites', { body, headers })),
    updateSite: (id: string, body: UpdateSite): Promise<Site> => api.call((c, headers) => c.PATCH('/api/sites/{id}', { params: { path: { id } }, body, headers })),

    // the audit trail
    listAudit: (query: Partial<Omit<AuditQuery, 'limit'>> & { limit?: number }, signal?: AbortSignal): Promise<Page<AuditEntry>> =>
      api.call((c, headers) => c.GET('/api/audit', { params: { query }, headers, signal })),

    // operation planning
    createOperation: (body: CreateOperation): Promise<Operation> => api.call((c, headers) => c.POST('/api/operations', { body, headers })),
    updateOperation: (id: string, body: UpdateOperation): Promise<Operation> =>
      api.call((c, headers) => c.PATCH('/api/operations/{id}', { params: { path: { id } }, body, headers })),
    transition: (id: string, status: OperationStatus): Promise<Operation> =>
      api.call((c, headers) => c.POST('/api/operations/{id}/transition', { params: { path: { id } }, body: { status }, headers })),
    addParticipant: (id: string, body: AddParticipant): Promise<OperationParticipant> =>
      api.call((c, headers) => c.POST('/api/operations/{id}/participants', { params: { path: { id } }, body, headers })),
    removeParticipant: (id: string, agencyId: string): Promise<void> =>
      api.call((c, headers) => c.DELETE('/api/operations/{id}/participants/{agencyId}', { params: { path: { id, agencyId } }, headers })),
    attachSite: (id: string, siteId: string): Promise<Site> => api.call((c, headers) => c.POST('/api/operations/{id}/sites', { params: { path: { id } }, body: { siteId }, headers })),
    detachSite: (id: string, siteId: string): Promise<void> => api.call((c, headers) => c.DELETE('/api/operations/{id}/sites/{siteId}', { params: { path: { id, siteId } }, headers })),
    createTeam: (operationId: string, body: Partial<CreateTeam> & Pick<CreateTeam, 'callSign'>): Promise<Team> =>
      api.call((c, headers) => c.POST('/api/operations/{id}/teams', { params: { path: { id: operationId } }, body: body as CreateTeam, headers })),
    updateTeam: (teamId: string, body: UpdateTeam): Promise<Team> => api.call((c, headers) => c.PATCH('/api/teams/{id}', { params: { path: { id: teamId } }, body, headers })),
  };
}

export type AdministrationApi = ReturnType<typeof administrationApi>;

/** `POST /api/auth/set-password`: no session needed, the link's token is the proof. */
export async function setPassword(body: SetPasswordRequest, doFetch: Fetch = (input, init) => fetch(input, init)): Promise<SetPasswordResponse> {
  let answer;
  try {
    answer = await createTypedClient(doFetch).POST('/api/auth/set-password', { body });
  } catch (error) {
    throw unreachable(error);
  }
  if (!answer.response.ok) throw errorAnswer(answer.response.status, answer.error);
  // A 200 always carries its body; `data` is undefined only on a failure, answered above.
  return answer.data as SetPasswordResponse;
}
