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

/**
 * Where the refresh token goes. `cookie` (the default, for browsers): an `HttpOnly`,
 * `SameSite=Strict` cookie scoped to `REFRESH_COOKIE_PATH`, never readable by a script.
 * `body`: in the JSON answer, for tools that are not browsers (scripts, the simulator, a
 * partner's integration), which then refresh and sign out with the token in the body.
 */
export const TOKEN_DELIVERIES = ['cookie', 'body'] as const;
export type TokenDelivery = (typeof TOKEN_DELIVERIES)[number];

/** The refresh token's cookie, sent by the browser only to the sign-in routes. */
export const REFRESH_COOKIE_NAME = 'lintas_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';
/**
 * The header a browser must send to refresh or sign out by cookie (value `1`). A page on another
 * site cannot send it without a CORS preflight, which the API never grants.
 */
export const CSRF_HEADER = 'X-Lintas-CSRF';

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('must be an e-mail address')),
  password: z.string().min(1, 'must not be empty').max(1024),
  tokenDelivery: z.enum(TOKEN_DELIVERIES).default('cookie'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** A sign-in's answer when the refresh token went into the cookie. */
export interface SessionResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: User;
}

/** A sign-in's answer with `tokenDelivery: "body"`, and a refresh with the token in the body. */
export interface LoginResponse extends SessionResponse {
  refreshToken: string;
}

const refreshTokenSchema = z.string().min(10).max(512);

/** With `refreshToken`: the tool's way (answer in the body). Empty: the browser's way, by cookie. */
export const refreshRequestSchema = z.strictObject({ refreshToken: refreshTokenSchema.optional() });
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
