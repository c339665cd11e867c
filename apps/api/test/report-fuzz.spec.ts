import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { amendReportSchema, createReportSchema } from '@lintas/contracts';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';

/**
 * Malformed and hostile bodies thrown at create and amend: never a 500, and an invalid body
 * (one the contracts' schema refuses, judged on exactly the JSON the server receives) answers
 * 400 and stores nothing. Each body is a valid one with one to three fields replaced by hostile
 * values, or with hostile keys added, so that the fuzzing reaches past the first check.
 */

/** A value written into the JSON text as is, for what JSON.stringify cannot produce (1e999, __proto__ keys). */
class Raw {
  constructor(readonly text: string) {}
}

const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : { nested: deep(depth - 1) });

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }), // any code point, NUL and lone surrogates included
  fc.constantFrom('x'.repeat(121), 'y'.repeat(10_001), 'z'.repeat(300_000)),
  fc.integer(),
  fc.double(), // NaN and ±Infinity become null in JSON
  fc.constantFrom(new Raw('1e999'), new Raw('-1e999'), new Raw('1e-999'), new Raw('123456789012345678901234567890')),
  fc.constantFrom(91, -90.0000001, 180.5, -181, 1e308, -0),
  fc.constantFrom('9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '1899-12-31T23:59:59Z', '2026-11-01', 'yesterday'),
  fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '6F1C2B9E-3D4A-4F5B-8C7D-9E0A1B2C3D4E'),
  fc.constantFrom("'; DROP TABLE reports; --", "' OR '1'='1", 'TLP:RED\' OR marking = \'TLP:RED', '$1', '\\x00', '{"$ne":null}'),
  fc.constantFrom(null, true, false, [], {}, [null], deep(60), new Array(2000).fill('a')),
  fc.constantFrom('TLP:red', 'TLP:AMBER ', 'interception ', 'INTERCEPTION'),
);

const hostileKeys = fc.constantFrom(
  '"__proto__":{"polluted":true}',
  '"constructor":{"prototype":{"polluted":true}}',
  '"prototype":{"polluted":true}',
  '"unknownField":1',
);

function toJson(body: Record<string, unknown>, extraKeys: string[]): string {
  const raws: string[] = [];
  let text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof Raw) {
      raws.push(value.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return value;
  });
  raws.forEach((raw, index) => {
    text = text.replace(JSON.stringify(`\u0001RAW${index}\u0001`), raw);
  });
  if (extraKeys.length > 0) text = `{${extraKeys.join(',')}${text.length > 2 ? ',' : ''}${text.slice(1)}`;
  return text;
}

const ALLOWED = [200, 201, 400, 403, 404, 409, 413];

describe('report bodies: property-based hostile input', () => {
  let t: TestApp;
  let db: Fixtures;
  let token: string;
  let operationId: string;
  let teamId: string;
  let reportId: string;

  beforeAll(async () => {
    // Hundreds of hostile bodies from one account: the write budget is test/abuse.spec.ts's subject, not this one's.
    t = await startTestApp({ WRITES_PER_SECOND: '10000' });
    db = await Fixtures.open(t.database.url);
    const agency = await db.agency({ code: 'FZ-AG' });
    const commander = await db.user({ agencyId: agency.id, role: 'commander' });
    token = (await signIn(t.baseUrl, commander.email)).accessToken;
    operationId = (await arrangeOperation(db, { leadAgencyId: agency.id })).id;
    teamId = (await arrangeTeam(db, { operationId, agencyId: agency.id, memberUserIds: [commander.id] })).id;
    const report = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
      token,
      body: { clientId: randomUUID(), kind: 'interception', title: 'Target of the amendments', occurredAt: '2026-11-01T00:00:00Z', interception: { interceptionKind: 'other', persons: 1 } },
    });
    reportId = report.body.id;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  const counts = async () =>
    (
      await db.query<{ reports: number; history: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM report_history) AS history,
                (SELECT count(*)::int FROM operation_events) AS events`,
      )
    )[0];

  const validCreate = () => ({
    clientId: randomUUID(),
    kind: 'interception',
    title: 'Fuzzed interception',
    narrative: 'Base body',
    lat: 10.5,
    lon: 105.2,
    siteId: null,
    occurredAt: '2026-11-01T04:00:00+07:00',
    teamId,
    marking: 'TLP:AMBER',
    recipientAgencyIds: [],
    interception: { interceptionKind: 'smuggling', persons: 3, suspects: 1, presumedVictims: 0, minors: 0, nationalities: ['KH'], documentsSeized: 0 },
  });
  const validAmend = () => ({ title: 'Amended by the fuzzer', narrative: 'n', lat: 11, lon: 104, occurredAt: '2026-11-01T05:00:00Z', marking: 'TLP:GREEN' });

  const mutation = (fields: string[]) =>
    fc.record({
      replaced: fc.array(fc.tuple(fc.constantFrom(...fields, 'interception.persons', 'interception.nationalities'), hostileValue), { minLength: 0, maxLength: 3 }),
      removed: fc.subarray(fields, { maxLength: 2 }),
      extraKeys: fc.subarray(['a', 'b', 'c', 'd'], { maxLength: 2 }).chain((picked) => fc.array(hostileKeys, { minLength: picked.length, maxLength: picked.length })),
    });

  function mutate(base: Record<string, unknown>, m: { replaced: [string, unknown][]; removed: string[] }): Record<string, unknown> {
    const body: Record<string, unknown> = structuredClone(base);
    for (const field of m.removed) delete body[field];
    for (const [path, value] of m.replaced) {
      const [head, tail] = path.split('.');
      if (tail) {
        if (body[head] && typeof body[head] === 'object') (body[head] as Record<string, unknown>)[tail] = value;
      } else body[head] = value;
    }
    return body;
  }

  it('POST /operations/:id/reports: never 500; an invalid body answers 400 and stores nothing', async () => {
    const fields = Object.keys(validCreate());
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(mutation(fields), async (m) => {
        const rawBody = toJson(mutate(validCreate(), m), m.extraKeys);
        const before = await counts();
        const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token, rawBody });
        expect(ALLOWED).toContain(answer.status);
        expect(typeof answer.body?.message === 'string' || answer.status < 300).toBe(true);
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawBody);
        } catch {
          parsed = undefined;
        }
        if (parsed === undefined || !createReportSchema.safeParse(parsed).success) {
          invalid += 1;
          expect([400, 413]).toContain(answer.status);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 250 },
    );
    expect(invalid).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('PATCH /reports/:id: never 500; an invalid body answers 400 and changes nothing', async () => {
    const fields = [...Object.keys(validAmend()), 'siteId', 'recipientAgencyIds', 'expectedVersion', 'interception'];
    let invalid = 0;
    await fc.assert(
      fc.asyncProperty(mutation(fields), async (m) => {
        const rawBody = toJson(mutate(validAmend(), m), m.extraKeys);
        const before = await counts();
        const answer = await http(t.baseUrl, 'PATCH', `/api/reports/${reportId}`, { token, rawBody });
        expect(ALLOWED).toContain(answer.status);
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawBody);
        } catch {
          parsed = undefined;
        }
        if (parsed === undefined || !amendReportSchema.safeParse(parsed).success) {
          invalid += 1;
          expect([400, 413]).toContain(answer.status);
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: 200 },
    );
    expect(invalid).toBeGreaterThan(80);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers raw hostile JSON in one piece with 400', async () => {
    for (const rawBody of ['{"clientId":1e999}', '{"__proto__":{"admin":true}}', '[]', 'null', '"text"', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}']) {
      const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token, rawBody });
      expect({ rawBody: rawBody.slice(0, 40), status: answer.status }).toEqual({ rawBody: rawBody.slice(0, 40), status: 400 });
    }
  });
});
