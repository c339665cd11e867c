import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request } from 'express';
import { loadConfig } from '../../config/config';
import { assertCookieRequestFromApp, assertSameOriginIfSent } from './csrf';

const request = (host: string, headers: Record<string, string>) => ({ host, headers }) as unknown as Request;

describe('CSRF checks of the sign-in routes', () => {
  it('takes a sign-in with no Origin (a tool) or with the Origin of this host, and refuses another site', () => {
    expect(() => assertSameOriginIfSent(request('lintas.local:3000', {}))).not.toThrow();
    expect(() => assertSameOriginIfSent(request('lintas.local:3000', { origin: 'https://LINTAS.local:3000' }))).not.toThrow();
    expect(() => assertSameOriginIfSent(request('lintas.local:3000', { origin: 'http://lintas.local:3001' }))).toThrow('came from another site');
    expect(() => assertSameOriginIfSent(request('lintas.local:3000', { origin: 'null' }))).toThrow('came from another site');
  });

  it('needs both the header and an Origin on the cookie routes', () => {
    const origin = 'http://lintas.local:3000';
    expect(() => assertCookieRequestFromApp(request('lintas.local:3000', { origin, 'x-lintas-csrf': '1' }))).not.toThrow();
    expect(() => assertCookieRequestFromApp(request('lintas.local:3000', { origin }))).toThrow('X-Lintas-CSRF: 1');
    expect(() => assertCookieRequestFromApp(request('lintas.local:3000', { origin, 'x-lintas-csrf': 'yes' }))).toThrow('X-Lintas-CSRF: 1');
    expect(() => assertCookieRequestFromApp(request('lintas.local:3000', { 'x-lintas-csrf': '1' }))).toThrow('no Origin header');
  });

  it('behind a proxy that rewrites Host, accepts the public origins of AUTH_ALLOWED_ORIGINS and no others', () => {
    const config = loadConfig({ LINTAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'lintas-csrf-')), AUTH_ALLOWED_ORIGINS: 'https://Lintas.example.org, http://10.0.0.5:8080' });
    expect(config.authAllowedHosts).toEqual(['lintas.example.org', '10.0.0.5:8080']);
    const behindProxy = (origin: string) => request('api:3000', { origin, 'x-lintas-csrf': '1' });
    expect(() => assertCookieRequestFromApp(behindProxy('https://lintas.example.org'), config.authAllowedHosts)).not.toThrow();
    expect(() => assertCookieRequestFromApp(behindProxy('http://10.0.0.5:8080'), config.authAllowedHosts)).not.toThrow();
    expect(() => assertCookieRequestFromApp(behindProxy('https://evil.example.org'), config.authAllowedHosts)).toThrow('came from another site');
    expect(() => loadConfig({ LINTAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'lintas-csrf-')), AUTH_ALLOWED_ORIGINS: 'lintas.example.org' })).toThrow(/AUTH_ALLOWED_ORIGINS/);
  });
});
