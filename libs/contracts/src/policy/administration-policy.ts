import type { UserRole } from '../enums';
import { isCommanding, type Actor } from './actor';

/** Agencies, border sites and accounts are managed by administrators. */
export function mayAdminister(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}

/** A new operation (led by the actor's agency): a commander or admin. */
export function mayCreateOperation(actor: Pick<Actor, 'role'>): boolean {
  return isCommanding(actor);
}

/** Whose accounts the actor may list: every account (admin), its own agency's (commander), or none. */
export function userListScope(actor: Pick<Actor, 'role'>): 'all' | 'own-agency' | null {
  if (actor.role === 'admin') return 'all';
  if (actor.role === 'commander') return 'own-agency';
  return null;
}

/** An administrator may not disable its own account or give up its own administrator role. */
export function isSelfLockout(actor: Pick<Actor, 'id'>, targetUserId: string, changes: { disabled?: boolean; role?: UserRole }): boolean {
  return targetUserId === actor.id && (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'));
}

/** The audit trail (who did what, when) is read by administrators only. */
export function mayReadAudit(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin';
}
