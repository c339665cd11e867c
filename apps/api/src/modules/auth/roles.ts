import type { UserRole } from '@lintas/contracts';
import { forbidden } from '../../common/app-error';
import type { AuthUser } from './auth-user';

/**
 * Throws 403 `role_required` unless `allowed`, the verdict of a libs/contracts predicate on the
 * user's role (`mayAdminister`, `mayCreateOperation`); `roles` name the roles that pass, for the message.
 */
export function requireRole(user: AuthUser, allowed: boolean, ...roles: UserRole[]): void {
  if (!allowed) throw forbidden('role_required', `This needs the role ${roles.join(' or ')}; you are ${user.role}`);
}
