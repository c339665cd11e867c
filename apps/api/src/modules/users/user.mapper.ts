import type { Language, TimeDisplay, User } from '@lintas/contracts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: User['role'];
  disabled: boolean;
  password_hash: string | null;
  agency_active: boolean;
  signed_in: boolean;
  agency_id: string;
  agency_code: string;
  agency_name: string;
  language: Language | null;
  time_display: TimeDisplay;
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    passwordSet: row.password_hash !== null,
    signedIn: row.signed_in,
    agency: { id: row.agency_id, code: row.agency_code, name: row.agency_name },
    preferences: { language: row.language, timeDisplay: row.time_display },
  };
}

/** An account may sign in (and keep its sign-ins) while it is enabled, has a password and its agency is active. */
export function accountUsable(row: Pick<UserRow, 'disabled' | 'agency_active'>): boolean {
  return !row.disabled && row.agency_active;
}
