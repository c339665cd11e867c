import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation } from './support/arrange-operation';

/**
 * `GET /operations/:id/after-action-report` and the lessons. The PDF is printed by the real
 * headless Chromium; here from a stand-in print page (the dashboard build is the browser tests'
 * business: apps/dashboard-e2e/src/replay.spec.ts checks the real page) that lists what the API
 * handed it, so that what reaches the printer can be read back with `pdftotext`.
 */
const STAND_IN_PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body><script>
  const data = window.__LINTAS_AFTER_ACTION__;
  const lines = [data.operation.code, 'MARKING ' + data.marking, 'REPORTS ' + data.reports.length, ...data.reports.map((r) => 'TITLE ' + r.title),
    ...(data.lessons ? data.lessons.items.map((l) => 'LESSON ' + l.lesson) : []), 'INTERCEPTIONS ' + data.figures.interceptions];
  for (const line of lines) { const p = document.createElement('p'); p.textContent = line; document.body.append(p); }
  document.body.dataset.printReady = 'true';
</script></body></html>`;

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-aar-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function pdfOf(baseUrl: string, operationId: string, token: string | undefined) {
  const response = await fetch(`${baseUrl}/api/operations/${operationId}/after-action-report`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, type: response.headers.get('content-type'), marking: response.headers.get('x-lintas-marking'), body };
}

describe('after-action report and lessons', () => {
  let t: TestApp;
  let db: Fixtures;
  let operationId: string;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    const dashboard = mkdtempSync(join(tmpdir(), 'lintas-print-'));
    writeFileSync(join(dashboard, 'index.html'), STAND_IN_PAGE);
    t = await startTestApp({ DASHBOARD_DIR: dashboard });
    db = await Fixtures.open(t.database.url);
    const lead = (await db.agency({ code: 'AA-LEAD' })).id;
    const partner = (await db.agency({ code: 'AA-PART' })).id;
    const observer = (await db.agency({ code: 'AA-OBS' })).id;
    const outsider = (await db.agency({ code: 'AA-OUT' })).id;
    const users = {
      lead: await db.user({ agencyId: lead, role: 'commander' }),
      leadField: await db.user({ agencyId: lead, role: 'field' }),
      partner: await db.user({ agencyId: partner, role: 'commander' }),
      observer: await db.user({ agencyId: observer, role: 'liaison' }),
      outsider: await db.user({ agencyId: outsider, role: 'commander' }),
      admin: await db.user({ agencyId: outsider, role: 'admin' }),
    };
    for (const [name, user] of Object.entries(users)) token[name] = (await signIn(t.baseUrl, user.email)).accessToken;
    operationId = (await arrangeOperation(db, { leadAgencyId: lead, members: [{ agencyId: partner, role: 'participant' }, { agencyId: observer, role: 'observer' }], code: 'OP-AAR-TEST' })).id;
    for (const [title, marking] of [
      ['Green sitrep for everyone', 'TLP:GREEN'],
      ['Amber interception kept from observers', 'TLP:AMBER'],
    ] as const) {
      const body = marking === 'TLP:AMBER'
        ? { clientId: randomUUID(), kind: 'interception', title, occurredAt: '2026-11-01T00:00:00Z', marking, interception: { interceptionKind: 'smuggling', persons: 3 } }
        : { clientId: randomUUID(), kind: 'sitrep', title, occurredAt: '2026-11-01T00:00:00Z', marking };
      expect((await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token: token.partner, body })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await db?.close();
    await t?.close();
  });

  it('prints the caller’s view only, marked on every page with its most restrictive marking, and audits it', async () => {
    const forPartner = await pdfOf(t.baseUrl, operationId, token.partner);
    expect(forPartner).toMatchObject({ status: 200, type: 'application/pdf', marking: 'TLP:AMBER' });
    const text = pdfText(forPartner.body);
    expect(text).toContain('OP-AAR-TEST');
    expect(text).toContain('TITLE Amber interception kept from observers');
    expect(text).toContain('INTERCEPTIONS 1');
    for (const page of text.split('\f').filter((page) => page.trim() !== '')) expect(page).toContain('TLP:AMBER');

    const forObserver = await pdfOf(t.baseUrl, operationId, token.observer);
    expect(forObserver).toMatchObject({ status: 200, marking: 'TLP:GREEN' });
    const observed = pdfText(forObserver.body);
    expect(observed).toContain('TITLE Green sitrep for everyone');
    expect(observed).not.toContain('Amber interception');
    expect(observed).toContain('INTERCEPTIONS 0');

    const audited = await db.query<{ user_id: string; details: { marking: string } }>(`SELECT user_id, details FROM audit_log WHERE action = 'operation.after_action_report' AND operation_id = $1 ORDER BY id`, [operationId]);
    expect(audited.map((row) => row.details.marking)).toEqual(['TLP:AMBER', 'TLP:GREEN']);
  });

  it('saves lessons for the lead’s commanders only, and prints them for those their marking allows', async () => {
    const lessons = { marking: 'TLP:AMBER', items: [{ lesson: 'Night crossings peaked after 22:00', action: 'River patrol from 21:00', owner: 'River unit', dueDate: '2027-01-15' }] };
    const saved = await http(t.baseUrl, 'PUT', `/api/operations/${operationId}/lessons`, { token: token.lead, body: lessons });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ marking: 'TLP:AMBER', items: lessons.items });
    // The same list again: stored once (the list is replaced, not appended to).
    expect((await http(t.baseUrl, 'PUT', `/api/operations/${operationId}/lessons`, { token: token.lead, body: lessons })).body.items).toHaveLength(1);

    for (const [who, status, code] of [
      ['partner', 403, 'lead_commander_required'],
      ['leadField', 403, 'lead_commander_required'],
      ['observer', 403, 'lead_commander_required'],
      ['outsider', 404, 'not_found'],
      ['admin', 404, 'not_found'],
    ] as const) {
      const refused = await http(t.baseUrl, 'PUT', `/api/operations/${operationId}/lessons`, { token: token[who], body: lessons });
      expect({ who, status: refused.status, code: refused.body.code }).toEqual({ who, status, code });
    }
    expect((await http(t.baseUrl, 'PUT', `/api/operations/${operationId}/lessons`, { body: lessons })).status).toBe(401);
    expect((await http(t.baseUrl, 'PUT', `/api/operations/${operationId}/lessons`, { token: token.lead, body: { items: [{ lesson: '' }] } })).body.code).toBe('validation_failed');

    expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/lessons`, { token: token.partner })).body.items).toHaveLength(1);
    expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/lessons`, { token: token.observer })).body.items).toEqual([]);
    expect(pdfText((await pdfOf(t.baseUrl, operationId, token.partner)).body)).toContain('LESSON Night crossings peaked after 22:00');
    expect(pdfText((await pdfOf(t.baseUrl, operationId, token.observer)).body)).not.toContain('Night crossings');
    const audit = await db.query<{ details: { changed: boolean } }>(`SELECT details FROM audit_log WHERE action = 'operation.lessons_save' AND operation_id = $1 ORDER BY id`, [operationId]);
    expect(audit.map((row) => row.details.changed)).toEqual([true, false]);

    // One operation event for the one change, marked as the lessons are: the partner's feed carries it, the observer's does not.
    const logged = await db.query<{ marking: string }>(`SELECT marking FROM operation_events WHERE type = 'operation.lessons_saved' AND operation_id = $1`, [operationId]);
    expect(logged).toEqual([{ marking: 'TLP:AMBER' }]);
    const eventsOf = async (who: string) => ((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=500`, { token: token[who] })).body.items as { type: string; lessons?: { items: unknown[] } }[]).filter((event) => event.type === 'operation.lessons_saved');
    expect((await eventsOf('partner')).map((event) => event.lessons?.items.length)).toEqual([1]);
    expect(await eventsOf('observer')).toEqual([]);
  });

  it.each([
    ['lead commander (own agency)', 'lead', 200],
    ['lead field officer', 'leadField', 200],
    ['other participant', 'partner', 200],
    ['observer', 'observer', 200],
    ['outsider', 'outsider', 404],
    ['admin of an outside agency', 'admin', 404],
    ['no token', null, 401],
  ] as const)('authorization: %s', async (_name, who, status) => {
    expect((await pdfOf(t.baseUrl, operationId, who ? token[who] : undefined)).status).toBe(status);
    expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/lessons`, { token: who ? token[who] : undefined })).status).toBe(status);
  });

  it('answers 400 for a bad period', async () => {
    for (const query of ['from=yesterday', 'from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z', 'colour=red']) {
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/after-action-report?${query}`, { token: token.lead });
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({ query, status: 400, code: 'validation_failed' });
    }
  });

});
