import { createHmac, randomUUID } from 'node:crypto';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';
import { Fixtures, signInCast, type CastMember } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Input that used to answer 500 (issue 10, finding 7): each is a 400 naming the field, or the
 * 401/403/404 the caller gets anyway, decided before any expensive validation.
 */
const SECRET = 'test-secret-test-secret-test-secret-0123';
const CAST: readonly CastMember[] = [
  ['lead', 'KH', 'commander'],
  ['observer', 'ID', 'commander'],
  ['outsider', 'MY', 'commander'],
  ['field', 'KH', 'field'],
];

const polygon = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
/** A regular n-gon, closed; five decimals (about 1 m), as a map would send. */
function ring(n: number, lon = 105, lat = 10, radius = 0.5): number[][] {
  const round = (value: number) => Math.round(value * 1e5) / 1e5;
  const positions = Array.from({ length: n }, (_, i) => [round(lon + radius * Math.cos((2 * Math.PI * i) / n)), round(lat + radius * Math.sin((2 * Math.PI * i) / n))]);
  return [...positions, positions[0]];
}

/** A token signed with the test secret carrying exactly these claims. */
function tokenWith(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

describe('bad input answers 4xx, never 500', () => {
  let t: TestApp;
  let db: Fixtures;
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};
  let operationId: string;
  let teamId: string;

  const api = (method: string, path: string, who: string, body?: unknown) => http(t.baseUrl, method, path, { token: tokens[who], body });
  const issuesOf = (body: { issues?: { path: string; message: string }[] }) => (body.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`);

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const agencies: Record<string, string> = {};
    for (const code of ['KH', 'ID', 'MY']) agencies[code] = (await db.agency({ code: `${code}-BAD` })).id;
    await signInCast(db, t.baseUrl, agencies, CAST, { users, tokens });
    operationId = (await arrangeOperation(db, { leadAgencyId: agencies.KH, members: [{ agencyId: agencies.ID, role: 'observer' }] })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: agencies.KH, memberUserIds: [users.field.id] })).id;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  describe('an operation area', () => {
    it('with an empty ring: 400 naming the ring, for its lead commander', async () => {
      const answer = await api('PATCH', `/api/operations/${operationId}`, 'lead', { area: polygon([]) });
      expect(answer.status).toBe(400);
      expect(issuesOf(answer.body)).toContain('area.coordinates.0: a ring needs at least 4 positions');
    });

    it('with an empty ring, from an observer or an outsider: the 403 or 404 they get anyway', async () => {
      expect((await api('PATCH', `/api/operations/${operationId}`, 'observer', { area: polygon([]) })).status).toBe(403);
      expect((await api('PATCH', `/api/operations/${operationId}`, 'outsider', { area: polygon([]) })).status).toBe(404);
      expect((await api('POST', '/api/operations', 'field', { code: 'OP-BAD-AREA', name: 'x', area: polygon([]) })).status).toBe(403);
    });

    it('of 30,000 positions (a 700 KB body): refused for who may not write before it is read, and counted, not checked, for who may', async () => {
      const huge = { area: polygon(...Array.from({ length: 15 }, () => ring(1999))) };
      expect(JSON.stringify(huge).length).toBeLessThan(1_000_000); // under the body limit: this is about the polygon
      expect((await api('PATCH', `/api/operations/${operationId}`, 'observer', huge)).status).toBe(403);
      const answer = await api('PATCH', `/api/operations/${operationId}`, 'lead', huge);
      expect(answer.status).toBe(400);
      expect(issuesOf(answer.body)).toEqual(['area.coordinates: a polygon may have at most 10000 positions (this one has 30000)']);
    });

    it.each([
      ['a figure-eight', polygon([[105, 10], [106, 11], [106, 10], [105, 11], [105, 10]]), 'area.coordinates.0: ring crosses itself'],
      ['an unclosed ring', polygon([[105, 10], [106, 10], [106, 11], [105, 11]]), 'area.coordinates.0: ring is not closed: its first and last positions differ'],
      ['a latitude beyond the pole', polygon([[105, 10], [106, 10], [106, 91], [105, 10]]), 'area.coordinates.0.2.1: latitude must be ≤ 90'],
      ['a hole outside the shell', polygon(ring(16), ring(8, 110, 10, 0.1)), 'area.coordinates.1: hole lies outside the outer ring'],
    ])('as %s: 400 naming the failing path', async (_name, area, issue) => {
      const answer = await api('PATCH', `/api/operations/${operationId}`, 'lead', { area });
      expect(answer.status).toBe(400);
      expect(issuesOf(answer.body)).toContain(issue);
    });

    it('that is valid, with a hole, is stored', async () => {
      const area = polygon(ring(16), ring(8, 105, 10, 0.1));
      const answer = await api('PATCH', `/api/operations/${operationId}`, 'lead', { area });
      expect(answer.status).toBe(200);
      expect(answer.body.area).toEqual(area);
    });
  });

  it('each issue of a 400 carries zod’s code and figures, so that a client says it in its reader’s language', async () => {
    const answer = await api('PATCH', `/api/operations/${operationId}`, 'lead', { name: 'x'.repeat(121), timeZone: 'Mars/Olympus', area: polygon(ring(16), ring(8, 110, 10, 0.1)) });
    expect(answer.status).toBe(400);
    expect(answer.body.issues).toEqual([
      { path: 'name', message: 'must be at most 120 characters', code: 'too_big', params: { origin: 'string', maximum: 120, inclusive: true } },
      { path: 'timeZone', message: 'must be an IANA time zone, e.g. Asia/Bangkok', code: 'custom' },
      { path: 'area.coordinates.1', message: 'hole lies outside the outer ring', code: 'custom' },
    ]);
  });

  it('a site search holding NUL: 400 naming q', async () => {
    const answer = await http(t.baseUrl, 'GET', '/api/sites?q=a%00b', { token: tokens.lead });
    expect(answer.status).toBe(400);
    expect(issuesOf(answer.body)).toEqual(['q: must be valid Unicode text without NUL characters']);
  });

  it.each(['2026-02-30T00:00:00.000000Z', '2026-13-01T00:00:00.000000Z', '2026-02-28T24:00:00.000000Z', '0000-01-01T00:00:00.000000Z'])(
    'a positions cursor holding the impossible date %s: 400',
    async (date) => {
      const cursor = Buffer.from(date, 'utf8').toString('base64url');
      const answer = await api('GET', `/api/operations/${operationId}/teams/${teamId}/positions?cursor=${cursor}`, 'lead');
      expect(answer.status).toBe(400);
      expect(answer.body.message).toBe('cursor is not one this API gave out');
    },
  );

  describe('access tokens signed with the right secret but not ours', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const sid = () => JSON.parse(Buffer.from(tokens.lead.split('.')[1], 'base64url').toString('utf8')).sid as string;

    it('with a subject that is not a UUID: 401', async () => {
      const answer = await http(t.baseUrl, 'GET', '/api/me', { token: tokenWith({ sub: 'admin', sid: sid(), iat: now(), exp: now() + 600 }) });
      expect(answer.status).toBe(401);
      expect(answer.body.message).toBe('The access token is invalid');
    });

    it('without an expiry: 401, though it names a real user and an open sign-in', async () => {
      const answer = await http(t.baseUrl, 'GET', '/api/me', { token: tokenWith({ sub: users.lead.id, sid: sid(), iat: now() }) });
      expect(answer.status).toBe(401);
      // The same claims with an expiry are accepted: what was refused is the missing expiry.
      expect((await http(t.baseUrl, 'GET', '/api/me', { token: tokenWith({ sub: users.lead.id, sid: sid(), iat: now(), exp: now() + 600 }) })).status).toBe(200);
    });
  });

  describe('a verdict whose reason holds a lone UTF-16 surrogate', () => {
    let reportId: string;
    beforeAll(async () => {
      const created = await api('POST', `/api/operations/${operationId}/reports`, 'lead', {
        clientId: randomUUID(),
        kind: 'sitrep',
        title: 'Quiet at the crossing',
        occurredAt: '2026-11-01T08:00:00Z',
      });
      expect(created.status).toBe(201);
      reportId = created.body.id;
    });

    it.each(['verify', 'reject'])('%s: 400 naming reason, and the report unchanged', async (verdict) => {
      const answer = await api('POST', `/api/reports/${reportId}/${verdict}`, 'lead', { reason: '\ud800x' });
      expect(answer.status).toBe(400);
      expect(issuesOf(answer.body)).toEqual(['reason: must be valid Unicode text without NUL characters']);
      expect((await api('GET', `/api/reports/${reportId}`, 'lead')).body.status).toBe('reported');
    });
  });
});
