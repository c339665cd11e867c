import type { UserRole } from '@lintas/contracts';
import { forbidden } from '../../common/app-error';
import type { AuthUser } from './auth-user';

/** Throws 403 unless the user has one of the roles. */
export function requireRole(user: AuthUser, ...roles: UserRole[]): void {
  if (!roles.includes(user.role)) {
    throw forbidden('role_required', `This needs the role ${roles.join(' or ')}; you are ${user.role}`);
  }
}
