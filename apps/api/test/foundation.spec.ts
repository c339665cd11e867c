import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

describe('foundation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /api/health answers 200 with the database up', async () => {
    const { status, body } = await http(t.baseUrl, 'GET', '/api/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.info.database.status).toBe('up');
  });

  it('GET /api/docs-json serves the OpenAPI document', async () => {
    const { status, body: document } = await http(t.baseUrl, 'GET', '/api/docs-json');
    expect(status).toBe(200);
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/api/health');
  });

  it('answers malformed JSON with 400 and a message, never 500', async () => {
    const { status, body } = await http(t.baseUrl, 'POST', '/api/health', { rawBody: '{"broken' });
    expect(status).toBe(400);
    expect(body.message).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js:\d+/);
  });

  it('answers an unknown API path with 404 JSON', async () => {
    const { status, body } = await http(t.baseUrl, 'GET', '/api/no-such-thing');
    expect(status).toBe(404);
    expect(body.statusCode).toBe(404);
  });

  it('sets security headers (helmet)', async () => {
    const response = await fetch(`${t.baseUrl}/api/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('applies the migrations: the event log and the append-only audit trail exist', async () => {
    const { Client } = await import('pg');
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await client.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test', 'test')`);
      await expect(client.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      const tables = await client.query(`SELECT to_regclass('operation_events') AS t`);
      expect(tables.rows[0].t).toBe('operation_events');
    } finally {
      await client.end();
    }
  });
});
