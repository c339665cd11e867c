import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The two contracts clients are built from, checked by independent validators rather than by
 * our own reading of them: the OpenAPI document the running API serves, and docs/asyncapi.yaml.
 */
describe('published API documents', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /api/docs-json is a valid OpenAPI 3.0 document (swagger-parser)', async () => {
    const { status, body: document } = await http(t.baseUrl, 'GET', '/api/docs-json');
    expect(status).toBe(200);
    expect(document.openapi).toMatch(/^3\.0\.\d+$/);
    // validate() dereferences in place: hand it a copy. Its error lists every schema violation.
    let failure = '';
    await SwaggerParser.validate(structuredClone(document)).catch((error: Error) => {
      failure = error.message;
    });
    expect(failure).toBe('');
  });

  it('docs/asyncapi.yaml parses without errors (@asyncapi/parser)', async () => {
    const source = readFileSync(resolve(__dirname, '../../../docs/asyncapi.yaml'), 'utf8');
    const { document, diagnostics } = await new Parser().parse(source);
    const errors = diagnostics
      .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
      .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(errors).toEqual([]);
    expect(document?.version()).toMatch(/^3\./);
  });
});
