import { describe, expect, it } from 'vitest';
import { mayChangeTeam, mayDeployTeam, mayPostForTeam, postForTeamRefusal } from './team-policy';

const OWN = 'agency-own';
const OTHER = 'agency-other';

describe('team rules', () => {
  it('deploying and changing a team is for commanders and admins, changing only for the team’s agency', () => {
    expect(mayDeployTeam({ role: 'commander' })).toBe(true);
    expect(mayDeployTeam({ role: 'admin' })).toBe(true);
    expect(mayDeployTeam({ role: 'field' })).toBe(false);
    expect(mayChangeTeam({ role: 'admin', agencyId: OWN }, { agencyId: OWN })).toBe(true);
    expect(mayChangeTeam({ role: 'commander', agencyId: OWN }, { agencyId: OTHER })).toBe(false);
    expect(mayChangeTeam({ role: 'field', agencyId: OWN }, { agencyId: OWN })).toBe(false);
  });
});

describe('postForTeamRefusal (reports, positions and team status alike)', () => {
  it('a field officer must name a team of its agency that it is a member of', () => {
    const field = { role: 'field' as const, agencyId: OWN };
    expect(postForTeamRefusal(field, null)).toBe('team_required');
    expect(postForTeamRefusal(field, { agencyId: OWN, isMember: true })).toBeNull();
    expect(postForTeamRefusal(field, { agencyId: OWN, isMember: false })).toBe('team_member_required');
    // A member whose account moved to another agency no longer posts for its old team.
    expect(postForTeamRefusal(field, { agencyId: OTHER, isMember: true })).toBe('team_member_required');
  });

  it('a commander or admin posts for any team of its agency, or for none', () => {
    for (const role of ['commander', 'admin'] as const) {
      const actor = { role, agencyId: OWN };
      expect(postForTeamRefusal(actor, null)).toBeNull();
      expect(mayPostForTeam(actor, { agencyId: OWN, isMember: false })).toBe(true);
      expect(postForTeamRefusal(actor, { agencyId: OTHER, isMember: true })).toBe('own_agency_team_required');
    }
  });
});
