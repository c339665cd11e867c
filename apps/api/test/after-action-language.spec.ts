import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation } from './support/arrange-operation';

/**
 * The after-action report in the reader's language and time: printed by the real headless Chromium
 * from the real print page (the dashboard build; `nx run api:integration` builds it first), read
 * back with `pdftotext`. The language is `?lang=`, else the reader's saved preference, else English;
 * times are in UTC or in the reader's zone (`?time=`, `?timeZone=`, else the saved choice and the
 * operation's zone).
 */
const DASHBOARD_DIR = resolve(__dirname, '../../dashboard/dist');
/** Each print starts a page in Chromium and waits for its fonts and map: on a loaded machine, seconds each. */
const PRINTS_TIMEOUT = 180_000;

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'lintas-aar-lang-'));
  const file = join(dir, 'report.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** pdftotext may put a space inside a Khmer or Thai cluster where shaped glyphs sit apart; compare the letters. */
const letters = (text: string): string => text.replace(/\s+/g, '');

describe('after-action report: the reader’s language and time', () => {
  let t: TestApp;
  let db: Fixtures;
  let operationId: string;
  let token: string;

  async function report(query: string): Promise<string> {
    const response = await fetch(`${t.baseUrl}/api/operations/${operationId}/after-action-report${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return pdfText(Buffer.from(await response.arrayBuffer()));
  }

  beforeAll(async () => {
    if (!existsSync(join(DASHBOARD_DIR, 'index.html'))) throw new Error(`No dashboard build in ${DASHBOARD_DIR}: run \`npx nx run dashboard:build\` first`);
    t = await startTestApp({ DASHBOARD_DIR });
    db = await Fixtures.open(t.database.url);
    const lead = (await db.agency({ code: 'AL-LEAD' })).id;
    const user = await db.user({ agencyId: lead, role: 'commander' });
    token = (await signIn(t.baseUrl, user.email)).accessToken;
    operationId = (await arrangeOperation(db, { leadAgencyId: lead, code: 'OP-AAR-LANG' })).id;
    const body = { clientId: randomUUID(), kind: 'interception', title: 'River crossing at dawn', occurredAt: '2026-11-01T00:00:00Z', marking: 'TLP:GREEN', interception: { interceptionKind: 'smuggling', persons: 4 } };
    expect((await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, { token, body })).status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await t?.close();
  });

  it('prints Thai headings, figure names and Thai dates for ?lang=th (and th-TH)', async () => {
    for (const lang of ['th', 'th-TH']) {
      const text = letters(await report(`?lang=${lang}&time=utc`));
      for (const heading of ['รายงานหลังปฏิบัติการ', 'ภาพรวม', 'สถิติ', 'การสกัดกั้น', 'ภาคผนวก:รายงานที่รวมไว้', 'เขตเวลา']) expect({ lang, heading, found: text.includes(heading) }).toEqual({ lang, heading, found: true });
      expect(text).not.toContain('Overview');
      // The report's moment in Thai, Buddhist era (2026 is 2569), in UTC as asked.
      expect(text).toMatch(/1พ\.ย\.2569,?00:00UTC/);
    }
  }, PRINTS_TIMEOUT);

  it('prints Khmer when the reader saved Khmer and named no language, in the reader’s own zone', async () => {
    expect((await http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body: { language: 'km', timeDisplay: 'local' } })).status).toBe(200);
    const text = letters(await report('?timeZone=Asia/Phnom_Penh'));
    for (const heading of ['របាយការណ៍ក្រោយប្រតិបត្តិការ', 'ទិដ្ឋភាពទូទៅ', 'តួលេខ', 'ការស្ទាក់ចាប់', 'ល្វែងម៉ោង']) expect({ heading, found: text.includes(heading) }).toEqual({ heading, found: true });
    expect(text).not.toContain('Overview');
    expect(text).toContain('Asia/Phnom_Penh');
    // 00:00 UTC is 07:00 in Phnom Penh; no time is marked UTC.
    expect(text).toContain('07:00');
    expect(text).not.toContain('UTC');
  }, PRINTS_TIMEOUT);

  it('lets ?lang= win over the saved language, and falls back to the saved one for a language Lintas does not speak', async () => {
    expect((await http(t.baseUrl, 'PUT', '/api/me/preferences', { token, body: { language: 'km' } })).status).toBe(200);
    expect(letters(await report('?lang=en'))).toContain('Overview');
    expect(letters(await report('?lang=de'))).toContain('ទិដ្ឋភាពទូទៅ');
  }, PRINTS_TIMEOUT);

  it('refuses a time zone that does not exist and a time display it does not know', async () => {
    for (const query of ['timeZone=Mars/Olympus', 'time=sundial', 'lang=thai']) {
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/after-action-report?${query}`, { token });
      expect({ query, status: answer.status, code: answer.body.code }).toEqual({ query, status: 400, code: 'validation_failed' });
    }
  });
});
