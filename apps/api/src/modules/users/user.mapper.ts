import type { User } from '@lintas/contracts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  disabled: boolean;
  password_hash: string;
  agency_id: string;
  agency_code: string;
  agency_name: string;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
  };
}
