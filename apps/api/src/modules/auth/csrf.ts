import { CSRF_HEADER } from '@lintas/contracts';
import type { Request } from 'express';
import { forbidden } from '../../common/app-error';

/**
 * A page of another site must not sign in, refresh or sign out for the browser. Browsers send
 * `Origin` on every POST; one that names another host is refused. Hosts are compared, not
 * schemes: behind a TLS proxy the API sees http while the page is https. `allowedHosts`
 * (AUTH_ALLOWED_ORIGINS) names the public address when a proxy rewrites the Host header.
 */
export function assertSameOriginIfSent(request: Request, allowedHosts: readonly string[] = []): void {
  const origin = request.headers.origin;
  if (origin === undefined) return; // not a browser (a script, the simulator): nothing to forge
  if (!allowedOrigin(origin, request, allowedHosts)) throw forbidden('cross_origin', `Refused: the request came from another site (${origin.slice(0, 100)})`);
}

/**
 * The routes that act on the refresh cookie need, besides `SameSite=Strict`, both signs of the
 * app's own page: the `X-Lintas-CSRF: 1` header (another site's page cannot set it without a CORS
 * preflight the API never grants) and an `Origin` of this host.
 */
export function assertCookieRequestFromApp(request: Request, allowedHosts: readonly string[] = []): void {
  if (request.headers[CSRF_HEADER.toLowerCase()] !== '1') {
    throw forbidden('csrf_header_missing', `Refused: a request that uses the sign-in cookie must send the header ${CSRF_HEADER}: 1 (tools send the refresh token in the body instead)`);
  }
  const origin = request.headers.origin;
  if (origin === undefined) throw forbidden('origin_missing', 'Refused: a request that uses the sign-in cookie must come from the Lintas page (no Origin header)');
  assertSameOriginIfSent(request, allowedHosts);
}

function allowedOrigin(origin: string, request: Request, allowedHosts: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
  if (host === '') return false;
  // Express's `host` honours X-Forwarded-Host only from a trusted proxy (`trust proxy`).
  return host === (request.host ?? '').toLowerCase() || allowedHosts.includes(host);
}
