import { z } from 'zod';
import { AGENCY_KINDS, USER_ROLES, type AgencyKind, type UserRole } from './enums';
import { nameSchema, textSchema } from './common';

export const agencyRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type AgencyRef = z.infer<typeof agencyRefSchema>;

export interface Agency {
  id: string;
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2, or null for an international organisation. */
  country: string | null;
  kind: AgencyKind;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  agency: AgencyRef;
  disabled: boolean;
}

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('must be an e-mail address')),
  password: z.string().min(1, 'must not be empty').max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface LoginResponse {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: User;
}

export const refreshRequestSchema = z.strictObject({ refreshToken: z.string().min(10).max(512) });
export type RefreshRequest = z.infer<typeof refreshRequestSchema>;

export const logoutRequestSchema = refreshRequestSchema;

export const createAgencySchema = z.strictObject({
  code: z.string().trim().regex(/^[A-Z0-9-]{2,16}$/, 'must be 2–16 capital letters, digits or dashes'),
  name: nameSchema,
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code').nullable(),
  kind: z.enum(AGENCY_KINDS),
});
export type CreateAgency = z.infer<typeof createAgencySchema>;
export const updateAgencySchema = createAgencySchema.partial();
export type UpdateAgency = z.infer<typeof updateAgencySchema>;

export const passwordSchema = textSchema.min(12, 'must be at least 12 characters').max(1024);

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('must be an e-mail address')),
  name: nameSchema,
  role: z.enum(USER_ROLES),
  agencyId: z.uuid(),
  password: passwordSchema,
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  name: nameSchema.optional(),
  role: z.enum(USER_ROLES).optional(),
  disabled: z.boolean().optional(),
  password: passwordSchema.optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;
