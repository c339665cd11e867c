import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH } from '@lintas/contracts';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config';

/**
 * The refresh token's cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's
 * page makes the browser send it), scoped to the sign-in routes (no other request carries it).
 * `Secure` follows `AUTH_COOKIE_SECURE`: by default when the request came over HTTPS, because
 * Lintas is also served over plain HTTP inside agency networks, where a Secure cookie would never
 * be stored and no sign-in would survive a reload.
 */
export function setRefreshCookie(response: Response, request: Request, config: AppConfig, token: string): void {
  response.cookie(REFRESH_COOKIE_NAME, token, { ...cookieOptions(request, config), maxAge: config.refreshTokenTtlSeconds * 1000 });
}

export function clearRefreshCookie(response: Response, request: Request, config: AppConfig): void {
  response.clearCookie(REFRESH_COOKIE_NAME, cookieOptions(request, config));
}

/** The refresh token the browser sent, or null. Parses the one header itself: no cookie middleware for one value. */
export function readRefreshCookie(request: Request): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== REFRESH_COOKIE_NAME) continue;
    const value = part.slice(index + 1).trim();
    return value.length > 0 && value.length <= 512 ? value : null;
  }
  return null;
}

function cookieOptions(request: Request, config: AppConfig) {
  const secure = config.authCookieSecure === 'always' || (config.authCookieSecure === 'auto' && request.secure);
  return { httpOnly: true, secure, sameSite: 'strict' as const, path: REFRESH_COOKIE_PATH };
}
