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

  it('describe every JSON answer with a schema, but for the few still listed here', async () => {
    const { body } = await http(t.baseUrl, 'GET', '/api/docs-json');
    expect(untypedAnswers(body as OpenApiDocument)).toEqual(STILL_UNTYPED);
  });

  it('match what the API publishes at /api/docs-json (regenerate with npm run api:types)', async () => {
    const { status, body } = await http(t.baseUrl, 'GET', '/api/docs-json');
    expect(status).toBe(200);
    const document = join(scratch, 'openapi.json');
    const generated = join(scratch, 'openapi.ts');
    writeFileSync(document, JSON.stringify(body, null, 2));
    // openapi-typescript is an ES module with its own dependency tree: run its CLI, not inside Jest.
    // `--array-length`: a tuple (a position, a change's [before, after]) stays a tuple in the types.
    execFileSync(process.execPath, [CLI, document, '--array-length', '--output', generated], { cwd: scratch, stdio: 'pipe' });
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

/**
 * Success answers the document gives no schema (so the generated types say `unknown` and a client
 * has to cast). Each is described by a contracts schema through `ApiZodOk`/`ApiZodCreated`
 * (apps/api/src/common/openapi.ts), or is not JSON (a file, a PDF, tiles) and says its content type.
 * Type a route and take it off this list; a new route without a schema fails here.
 */
const STILL_UNTYPED = [
  'GET /api/client-config',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
];

const SCHEMA_KEYS = new Set(['type', '$ref', 'anyOf', 'oneOf', 'allOf']);

interface OpenApiDocument {
  paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> }>>;
}

function untypedAnswers(document: OpenApiDocument): string[] {
  const untyped: string[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const [status, answer] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        // A file, a PDF or a tile says its content type; JSON needs its schema.
        const described = Object.entries(answer.content ?? {}).some(
          ([type, content]) => !type.includes('json') || Object.keys(content.schema ?? {}).some((key) => SCHEMA_KEYS.has(key)),
        );
        if (!described) untyped.push(`${method.toUpperCase()} ${path}`);
      }
    }
  }
  return [...new Set(untyped)].sort();
}

function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  for (let line = 0; line < Math.max(a.length, b.length); line++) {
    if (a[line] !== b[line]) return `first difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  published: ${b[line] ?? '(end of file)'}`;
  }
  return '';
}
