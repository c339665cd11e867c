import { AppError } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import type { AccessRepository, MembershipRow, TeamStandingRow } from './access.repository';
import { AccessService } from './access.service';

const KH = 'agency-kh';
const VN = 'agency-vn';
const user = (role: AuthUser['role'], agencyId = KH): AuthUser => ({ id: `${role}-${agencyId}`, email: 'x@test', name: 'X', role, agencyId, agencyCode: 'KH' });

/** The service over an in-memory repository: the decisions, not the SQL. */
function serviceWith(rows: { membership?: MembershipRow | null; team?: TeamStandingRow | null; participating?: string[]; sites?: string[] }): AccessService {
  const repository: Pick<AccessRepository, keyof AccessRepository> = {
    membership: async () => rows.membership ?? null,
    teamInOperation: async () => rows.team ?? null,
    siteExists: async (siteId) => (rows.sites ?? []).includes(siteId),
    participatingAgencies: async (_operationId, agencyIds) => agencyIds.filter((id) => (rows.participating ?? []).includes(id)),
    enabledUsersOfAgency: async () => [],
  };
  return new AccessService(repository as AccessRepository);
}

async function codeOf(work: () => unknown): Promise<string | null> {
  try {
    await work();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const membership = (role: MembershipRow['role'], status: MembershipRow['status'] = 'active'): MembershipRow => ({ id: 'op', status, exercise: false, lead_agency_id: KH, role });

describe('AccessService', () => {
  it('answers 404 for an operation the agency does not take part in, and the viewer for one it does', async () => {
    expect(await codeOf(() => serviceWith({}).require(user('commander'), 'op'))).toBe('not_found');
    expect((await serviceWith({ membership: membership('observer') }).require(user('commander', VN), 'op')).viewer).toEqual({ agencyId: VN, operationRole: 'observer' });
  });

  it('turns the write and manage predicates into their error codes', async () => {
    expect(await codeOf(() => serviceWith({ membership: membership('observer') }).requireWriter(user('commander'), 'op'))).toBe('observer_read_only');
    expect(await codeOf(() => serviceWith({ membership: membership('lead', 'closed') }).requireWriter(user('commander'), 'op'))).toBe('operation_closed');
    expect(await codeOf(() => serviceWith({ membership: membership('participant') }).requireLeadCommander(user('admin'), 'op'))).toBe('lead_commander_required');
    expect(await codeOf(() => serviceWith({ membership: membership('lead') }).requireLeadCommander(user('admin'), 'op'))).toBeNull();
  });

  it('refuses posting for a team that is not in the operation, with the code of the poster’s role', () => {
    const service = serviceWith({});
    expect(() => service.assertMayPostForTeam(user('field'), 'team-elsewhere', null)).toThrow(expect.objectContaining({ code: 'team_member_required' }));
    expect(() => service.assertMayPostForTeam(user('commander'), 'team-elsewhere', null)).toThrow(expect.objectContaining({ code: 'own_agency_team_required' }));
    expect(() => service.assertMayPostForTeam(user('field'), null, null)).toThrow(expect.objectContaining({ code: 'team_required' }));
    expect(() => service.assertMayPostForTeam(user('commander'), null, null)).not.toThrow();
  });

  it('checks sites and TLP:RED recipients with one code per situation', async () => {
    const service = serviceWith({ participating: [KH, VN], sites: ['site-1'] });
    expect(await codeOf(() => service.assertSiteExists('site-2'))).toBe('unknown_site');
    expect(await codeOf(() => service.assertSiteExists('site-1'))).toBeNull();
    expect(await codeOf(() => service.checkRecipients('op', 'TLP:AMBER', [VN]))).toBe('recipients_only_for_red');
    expect(await codeOf(() => service.checkRecipients('op', 'TLP:RED', ['agency-out']))).toBe('recipient_not_in_operation');
    expect(await service.checkRecipients('op', 'TLP:RED', [VN, VN])).toEqual([VN]);
    expect(await codeOf(() => service.assertTeamMembers(KH, ['stranger']))).toBe('invalid_members');
  });
});
