import { isCommanding, type Actor } from './actor';

/** A team as the team rules see it: its agency and whether the actor is on its member list. */
export interface TeamStanding {
  agencyId: string;
  /** The actor is one of the team's members. */
  isMember: boolean;
}

/** Deploying a team (it belongs to the actor's agency): a commander or admin. */
export function mayDeployTeam(actor: Pick<Actor, 'role'>): boolean {
  return isCommanding(actor);
}

/** Changing a team's call sign, size, site or members: a commander (or admin) of the team's agency. */
export function mayChangeTeam(actor: Pick<Actor, 'role' | 'agencyId'>, team: Pick<TeamStanding, 'agencyId'>): boolean {
  return isCommanding(actor) && actor.agencyId === team.agencyId;
}

/** Binding a TAK device to a team (its positions become the team's): a commander (or admin) of the team's agency. */
export function mayBindTakDevice(actor: Pick<Actor, 'role' | 'agencyId'>, team: Pick<TeamStanding, 'agencyId'>): boolean {
  return mayChangeTeam(actor, team);
}

export type PostForTeamRefusal = 'team_required' | 'team_member_required' | 'own_agency_team_required';

/**
 * Why the actor may not post (a report, a position, a team status) for the team, or null when it
 * may. `team` is null when no team is named. A field officer posts only for a team of its agency
 * that it is a member of, and must name one; a commander or admin for any team of its agency, or
 * for none. (Whether the team is in the operation and visible is the caller's look-up.)
 */
export function postForTeamRefusal(actor: Pick<Actor, 'role' | 'agencyId'>, team: TeamStanding | null): PostForTeamRefusal | null {
  if (team === null) return actor.role === 'field' ? 'team_required' : null;
  if (actor.role === 'field') return team.isMember && team.agencyId === actor.agencyId ? null : 'team_member_required';
  return team.agencyId === actor.agencyId ? null : 'own_agency_team_required';
}

export function mayPostForTeam(actor: Pick<Actor, 'role' | 'agencyId'>, team: TeamStanding | null): boolean {
  return postForTeamRefusal(actor, team) === null;
}
