import type { UserRole } from '../enums';

/** Who is acting, as every predicate sees it: the API's signed-in user and the dashboard's user both fit. */
export interface Actor {
  id: string;
  role: UserRole;
  agencyId: string;
}

/** Commanders and administrators command: they deploy teams, judge reports, manage operations. */
export function isCommanding(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'commander' || actor.role === 'admin';
}
