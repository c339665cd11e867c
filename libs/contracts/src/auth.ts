import { z } from 'zod';
import { ISSUE_MESSAGES } from './issue-messages';
import { AGENCY_KINDS, USER_ROLES } from './enums';
import { nameSchema, textSchema } from './common';
import { userPreferencesSchema } from './preferences';

export const agencyRefSchema = z.object({ id: z.string(), code: z.string(), name: z.string() });
export type AgencyRef = z.infer<typeof agencyRefSchema>;

export const agencySchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  /** ISO 3166-1 alpha-2, or null for an international organisation. */
  country: z.string().nullable(),
  kind: z.enum(AGENCY_KINDS),
  /** A deactivated agency's accounts cannot sign in; it cannot join operations or get new accounts. */
  active: z.boolean(),
});
export type Agency = z.infer<typeof agencySchema>;

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  agency: agencyRefSchema,
  disabled: z.boolean(),
  /** False until the account's holder has chosen a password through a set-password link. */
  passwordSet: z.boolean(),
  /** The account has an open sign-in (an unexpired, unrevoked refresh token) somewhere. */
  signedIn: z.boolean(),
  /** Language and time display, chosen by the user (`PUT /api/me/preferences`). */
  preferences: userPreferencesSchema,
});
export type User = z.infer<typeof userSchema>;

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
// Defined without zod (see plain.ts) for the dashboard's early start.
export { CSRF_HEADER } from './csrf';

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email(ISSUE_MESSAGES.email)),
  password: z.string().min(1, ISSUE_MESSAGES.not_empty).max(1024),
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
  code: z.string().trim().regex(/^[A-Z0-9-]{2,16}$/, ISSUE_MESSAGES.agency_code),
  name: nameSchema,
  country: z.string().regex(/^[A-Z]{2}$/, ISSUE_MESSAGES.country_code).nullable(),
  kind: z.enum(AGENCY_KINDS),
});
export type CreateAgency = z.infer<typeof createAgencySchema>;
/** `active: false` deactivates the agency (its accounts' sign-ins end); `true` brings it back. */
export const updateAgencySchema = createAgencySchema.partial().extend({ active: z.boolean().optional() });
export type UpdateAgency = z.infer<typeof updateAgencySchema>;

export const passwordSchema = textSchema.min(12, ISSUE_MESSAGES.password_too_short).max(1024);

export const createUserSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email(ISSUE_MESSAGES.email)),
  name: nameSchema,
  role: z.enum(USER_ROLES),
  agencyId: z.uuid(),
});
/** No password: the account's holder chooses it through the set-password link the answer carries. */
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  name: nameSchema.optional(),
  role: z.enum(USER_ROLES).optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

/** The dashboard page a set-password link opens: `/set-password?token=…`. */
export const SET_PASSWORD_PATH = '/set-password';

/**
 * A one-time link for an account's holder to choose a password: shown once to the administrator
 * who created or reset the account (the server keeps only the token's hash), expiring, single use.
 */
export const setPasswordLinkSchema = z.object({
  /** `/set-password?token=…`, relative to the dashboard's address. */
  path: z.string(),
  token: z.string(),
  expiresAt: z.string(),
});
export type SetPasswordLink = z.infer<typeof setPasswordLinkSchema>;

/** The answer to creating or resetting an account: the account and its one-time link. */
export const userWithSetPasswordLinkSchema = z.object({ user: userSchema, setPassword: setPasswordLinkSchema });
export type UserWithSetPasswordLink = z.infer<typeof userWithSetPasswordLinkSchema>;

export const setPasswordRequestSchema = z.strictObject({
  token: z.string().trim().min(10, ISSUE_MESSAGES.link_incomplete).max(200),
  password: passwordSchema,
});
export type SetPasswordRequest = z.infer<typeof setPasswordRequestSchema>;

/** After a password is set: the account's e-mail, so that the page can offer to sign in. */
export const setPasswordResponseSchema = z.object({ email: z.string() });
export type SetPasswordResponse = z.infer<typeof setPasswordResponseSchema>;
