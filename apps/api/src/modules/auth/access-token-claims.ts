import { uuidSchema } from '@lintas/contracts';

export interface AccessTokenClaims {
  sub: string;
  /** The sign-in (refresh token family) this token belongs to; logging out ends it. */
  sid: string;
}

/**
 * The claims this API signs, or a throw (answered 401 as an invalid token). A good signature
 * alone does not make a token ours: one without an expiry would never expire, and an id that is
 * not a UUID would reach SQL (and answer 500).
 */
export function accessTokenClaims(payload: unknown): AccessTokenClaims {
  const claims = payload as Partial<Record<'sub' | 'sid' | 'exp', unknown>> | null;
  if (!claims || !uuidSchema.safeParse(claims.sub).success || !uuidSchema.safeParse(claims.sid).success || typeof claims.exp !== 'number') {
    throw new Error('not an access token of this API');
  }
  return { sub: claims.sub as string, sid: claims.sid as string };
}
