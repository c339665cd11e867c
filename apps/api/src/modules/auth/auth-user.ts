import type { UserRole } from '@lintas/contracts';

/** Who is asking: set on every authenticated request and socket by the auth module. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  agencyId: string;
  agencyCode: string;
}
