import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, isErrorCode, type ErrorCode } from '@lintas/contracts';
import { AppError, badRequest, conflict, forbidden } from './app-error';
import { toErrorBody } from './error.filter';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Every error code written literally where an error is made: `badRequest('x', …)`, `new AppError(403, 'x', …)`, a rate limit's. */
function codesThrownInSource(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const patterns = [
    /\b(?:badRequest|forbidden|conflict)\(\s*'([^']+)'/g,
    /new AppError\(\s*\d+\s*,\s*'([^']+)'/g,
    // RateLimitedError(message, seconds, code)
    /new RateLimitedError\([^;]*?,\s*'([a-z_]+)'\s*\)/g,
  ];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) found.set(match[1], [...(found.get(match[1]) ?? []), file.slice(SRC.length + 1)]);
    }
  }
  return found;
}

describe('error codes the API can emit', () => {
  it('are all in the closed set of libs/contracts (one code per situation)', () => {
    const thrown = codesThrownInSource();
    // The scan must find the codes, or it proves nothing.
    expect(thrown.size).toBeGreaterThan(25);
    const unknown = [...thrown].filter(([code]) => !isErrorCode(code)).map(([code, files]) => `${code} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('are answered with their code, in the HTTP body and (through the same mapping) the socket acknowledgement', () => {
    expect(toErrorBody(forbidden('team_member_required', 'Only a member'))).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'team_member_required',
      message: 'Only a member',
    });
    expect(toErrorBody(badRequest('unknown_site', 'No site')).code).toBe('unknown_site');
    expect(toErrorBody(conflict('stale_version', 'Changed')).statusCode).toBe(409);
  });

  it('answer an unknown code as a failure of the server (500), never as the client’s fault', () => {
    const smuggled = new AppError(403, 'not_team_member' as ErrorCode, 'an old synonym');
    expect(toErrorBody(smuggled)).toEqual({ statusCode: 500, error: 'Internal Server Error', code: 'internal_error', message: 'Internal error; it has been logged' });
  });

  it('give every answer of the filter a code of the set', () => {
    const bodies = [toErrorBody(new Error('boom')), toErrorBody(Object.assign(new Error('too big'), { status: 413 })), toErrorBody(Object.assign(new SyntaxError('x'), { status: 400 }))];
    expect(bodies.map((body) => body.code)).toEqual(['internal_error', 'payload_too_large', 'malformed_json']);
    for (const body of bodies) expect(ERROR_CODES).toContain(body.code);
  });
});
