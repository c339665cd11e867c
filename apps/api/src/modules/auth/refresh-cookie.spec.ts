import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { loadConfig } from '../../config/config';
import { readRefreshCookie, setRefreshCookie } from './refresh-cookie';

function configWith(secure?: string) {
  return loadConfig({ LINTAS_DATA_DIR: mkdtempSync(join(tmpdir(), 'lintas-cookie-')), ...(secure ? { AUTH_COOKIE_SECURE: secure } : {}) });
}

function attributesOf(secure: string | undefined, overHttps: boolean): Record<string, unknown> {
  const calls: unknown[][] = [];
  const response = { cookie: (...args: unknown[]) => calls.push(args) } as unknown as Response;
  setRefreshCookie(response, { secure: overHttps } as Request, configWith(secure), 'token-value');
  return calls[0][2] as Record<string, unknown>;
}

describe('refresh cookie', () => {
  it('is Secure by AUTH_COOKIE_SECURE: auto follows the request, true always, false never', () => {
    expect(attributesOf(undefined, false).secure).toBe(false);
    expect(attributesOf(undefined, true).secure).toBe(true);
    expect(attributesOf('true', false).secure).toBe(true);
    expect(attributesOf('false', true).secure).toBe(false);
    expect(attributesOf(undefined, true)).toMatchObject({ httpOnly: true, sameSite: 'strict', path: '/api/auth', maxAge: 14 * 86_400_000 });
    expect(() => configWith('sometimes')).toThrow(/AUTH_COOKIE_SECURE/);
  });

  it('reads its one cookie among others, and nothing from an empty or missing header', () => {
    const read = (cookie?: string) => readRefreshCookie({ headers: cookie === undefined ? {} : { cookie } } as Request);
    expect(read('theme=dark; lintas_refresh=abc123def456; other=1')).toBe('abc123def456');
    expect(read('xlintas_refresh=nope')).toBeNull();
    expect(read('lintas_refresh=')).toBeNull();
    expect(read()).toBeNull();
  });
});
