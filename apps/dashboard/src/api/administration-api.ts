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
    listAgencies: (signal?: AbortSignal) => api.call<Agency[]>((c, headers) => c.GET('/api/agencies', { headers, signal })),
    createAgency: (body: CreateAgency) => api.call<Agency>((c, headers) => c.POST('/api/agencies', { body, headers })),
    updateAgency: (id: string, body: UpdateAgency) => api.call<Agency>((c, headers) => c.PATCH('/api/agencies/{id}', { params: { path: { id } }, body, headers })),

    // accounts
    listUsers: (signal?: AbortSignal) => api.call<User[]>((c, headers) => c.GET('/api/users', { headers, signal })),
    createUser: (body: CreateUser) => api.call<UserWithSetPasswordLink>((c, headers) => c.POST('/api/users', { body, headers })),
    updateUser: (id: string, body: UpdateUser) => api.call<User>((c, headers) => c.PATCH('/api/users/{id}', { params: { path: { id } }, body, headers })),
    resetPassword: (id: string) => api.call<UserWithSetPasswordLink>((c, headers) => c.POST('/api/users/{id}/reset-password', { params: { path: { id } }, headers })),

    // border sites
    listSites: (query: { q?: string; includeRetired?: 'true' | 'false' } = {}, signal?: AbortSignal) =>
      api.call<Site[]>((c, headers) => c.GET('/api/sites', { params: { query }, headers, signal })),
    createSite: (body: CreateSite) => api.call<Site>((c, headers) => c.POST('/api/sites', { body, headers })),
    updateSite: (id: string, body: UpdateSite) => api.call<Site>((c, headers) => c.PATCH('/api/sites/{id}', { params: { path: { id } }, body, headers })),

    // the audit trail
    listAudit: (query: Partial<Omit<AuditQuery, 'limit'>> & { limit?: number }, signal?: AbortSignal) =>
      api.call<Page<AuditEntry>>((c, headers) => c.GET('/api/audit', { params: { query }, headers, signal })),

    // operation planning
    createOperation: (body: CreateOperation) => api.call<Operation>((c, headers) => c.POST('/api/operations', { body, headers })),
    updateOperation: (id: string, body: UpdateOperation) =>
      api.call<Operation>((c, headers) => c.PATCH('/api/operations/{id}', { params: { path: { id } }, body, headers })),
    transition: (id: string, status: OperationStatus) =>
      api.call<Operation>((c, headers) => c.POST('/api/operations/{id}/transition', { params: { path: { id } }, body: { status }, headers })),
    addParticipant: (id: string, body: AddParticipant) =>
      api.call<OperationParticipant>((c, headers) => c.POST('/api/operations/{id}/participants', { params: { path: { id } }, body, headers })),
    removeParticipant: (id: string, agencyId: string) =>
      api.call<void>((c, headers) => c.DELETE('/api/operations/{id}/participants/{agencyId}', { params: { path: { id, agencyId } }, headers })),
    attachSite: (id: string, siteId: string) => api.call<Site>((c, headers) => c.POST('/api/operations/{id}/sites', { params: { path: { id } }, body: { siteId }, headers })),
    detachSite: (id: string, siteId: string) => api.call<void>((c, headers) => c.DELETE('/api/operations/{id}/sites/{siteId}', { params: { path: { id, siteId } }, headers })),
    createTeam: (operationId: string, body: Partial<CreateTeam> & Pick<CreateTeam, 'callSign'>) =>
      api.call<Team>((c, headers) => c.POST('/api/operations/{id}/teams', { params: { path: { id: operationId } }, body: body as CreateTeam, headers })),
    updateTeam: (teamId: string, body: UpdateTeam) => api.call<Team>((c, headers) => c.PATCH('/api/teams/{id}', { params: { path: { id: teamId } }, body, headers })),
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
  return answer.data as unknown as SetPasswordResponse;
}
