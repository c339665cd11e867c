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
    writerContext: async (_operationId, _agencyId, _userId, refs) => {
      const { membership } = rows;
      const team = refs.teamId !== null && rows.team?.id === refs.teamId ? rows.team : null;
      if (!membership) return null;
      return {
        ...membership,
        team_id: team?.id ?? null,
        team_agency_id: team?.agency_id ?? null,
        team_marking: team?.marking ?? null,
        team_recipient_agency_ids: team?.recipient_agency_ids ?? null,
        team_is_member: team?.is_member ?? false,
        team_site_id: team ? 'site-1' : null,
        team_site_lat: team ? 11.1 : null,
        team_site_lon: team ? 106.1 : null,
        site_known: refs.siteId === null || (rows.sites ?? []).includes(refs.siteId),
        participating: refs.agencyIds.filter((id) => (rows.participating ?? []).includes(id)),
      };
    },
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

  it('reads a write’s context in one look-up, as require, teamInOperation, siteExists and participatingAgencies answer them', async () => {
    const team: TeamStandingRow = { id: 'team-1', operation_id: 'op', agency_id: KH, marking: 'TLP:GREEN', recipient_agency_ids: [], is_member: true };
    const service = serviceWith({ membership: membership('lead'), team, sites: ['site-1'], participating: [VN] });
    const context = await service.readWriterContext(user('field'), 'op', { teamId: 'team-1', siteId: 'site-2', recipientAgencyIds: [VN, 'agency-out'] });
    expect(context.access).toEqual(await service.require(user('field'), 'op'));
    expect(context.team).toEqual(await service.teamInOperation(user('field'), 'op', 'team-1'));
    expect(context.teamSite).toEqual({ siteId: 'site-1', lat: 11.1, lon: 106.1 });
    expect(context.siteKnown).toBe(false);
    expect(context.participating).toEqual([VN]);
    const bare = await service.readWriterContext(user('field'), 'op', { teamId: null });
    expect(bare).toMatchObject({ team: null, siteKnown: true, participating: [] });
    expect((await service.readWriterContext(user('field'), 'op', { teamId: 'team-x' })).team).toBeNull();
    expect(await codeOf(() => serviceWith({ team }).readWriterContext(user('field'), 'op', { teamId: 'team-1' }))).toBe('not_found');
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
