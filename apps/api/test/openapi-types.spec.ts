import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The REST client's types (libs/contracts/src/generated/openapi.ts) are generated from the OpenAPI
 * document the API publishes. This spec generates them again from the live /api/docs-json of the
 * real app and fails when the committed file differs: an endpoint changed and the clients were not
 * told. `npm run api:types` runs this same spec with LINTAS_UPDATE_API_TYPES=1 to rewrite the file.
 */
const WORKSPACE = resolve(__dirname, '../../..');
const COMMITTED = join(WORKSPACE, 'libs/contracts/src/generated/openapi.ts');
const CLI = join(WORKSPACE, 'node_modules/openapi-typescript/bin/cli.js');

describe('generated API client types', () => {
  let t: TestApp;
  let scratch: string;

  beforeAll(async () => {
    t = await startTestApp();
    scratch = mkdtempSync(join(tmpdir(), 'lintas-openapi-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('match what the API publishes at /api/docs-json (regenerate with npm run api:types)', async () => {
    const { status, body } = await http(t.baseUrl, 'GET', '/api/docs-json');
    expect(status).toBe(200);
    const document = join(scratch, 'openapi.json');
    const generated = join(scratch, 'openapi.ts');
    writeFileSync(document, JSON.stringify(body, null, 2));
    // openapi-typescript is an ES module with its own dependency tree: run its CLI, not inside Jest.
    execFileSync(process.execPath, [CLI, document, '--output', generated], { cwd: scratch, stdio: 'pipe' });
    const fresh = readFileSync(generated, 'utf8');

    if (process.env.LINTAS_UPDATE_API_TYPES === '1') {
      writeFileSync(COMMITTED, fresh);
      return;
    }
    const committed = readFileSync(COMMITTED, 'utf8');
    if (committed !== fresh) {
      throw new Error(`${COMMITTED} is not what the API publishes now: run \`npm run api:types\` and commit the result.\n${firstDifference(committed, fresh)}`);
    }
  });
});

function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  for (let line = 0; line < Math.max(a.length, b.length); line++) {
    if (a[line] !== b[line]) return `first difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  published: ${b[line] ?? '(end of file)'}`;
  }
  return '';
}
