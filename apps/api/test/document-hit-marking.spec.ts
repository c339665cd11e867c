import { randomUUID } from 'node:crypto';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';

const HEADER = 'issuingCountry,documentType,documentNumber,status,source,reportedAt';

/**
 * The marking of a potential hit's alert decides who besides the checking agency sees it: an
 * observer only when the marking releases it (TLP:GREEN); TLP:AMBER+STRICT keeps it to the checking
 * and the lead agency. (TLP:AMBER, the default, is in document-checks.spec.ts.)
 */
describe.each([
  { marking: 'TLP:GREEN', seen: { lead: true, participant: true, observer: true } },
  { marking: 'TLP:AMBER+STRICT', seen: { lead: true, participant: false, observer: false } },
])('a potential hit marked $marking', ({ marking, seen }) => {
  let t: TestApp;
  let db: Fixtures;
  const tokens: Record<string, string> = {};
  let operationId: string;
  let alertId: string;

  beforeAll(async () => {
    t = await startTestApp({ DOCUMENT_HIT_MARKING: marking });
    db = await Fixtures.open(t.database.url);
    const ids: Record<string, string> = {};
    for (const code of ['KH', 'VN', 'LA', 'TH']) ids[code] = (await db.agency({ code: `${code}-HM` })).id;
    const cast = { lead: ['KH', 'commander'], checking: ['VN', 'commander'], field: ['VN', 'field'], participant: ['LA', 'commander'], observer: ['TH', 'commander'] } as const;
    const users: Record<string, string> = {};
    for (const [name, [agency, role]] of Object.entries(cast)) {
      const user = await db.user({ agencyId: ids[agency], role });
      users[name] = user.id;
      tokens[name] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    operationId = (
      await arrangeOperation(db, {
        leadAgencyId: ids.KH,
        members: [
          { agencyId: ids.VN, role: 'participant' },
          { agencyId: ids.LA, role: 'participant' },
          { agencyId: ids.TH, role: 'observer' },
        ],
      })
    ).id;
    const teamId = (await arrangeTeam(db, { operationId, agencyId: ids.VN, memberUserIds: [users.field] })).id;
    await http(t.baseUrl, 'PUT', '/api/document-lists/KH-HM', { token: tokens.lead, rawBody: `${HEADER}\nKHM,passport,N0000001,lost,Test list,\n`, headers: { 'content-type': 'text/csv' } });
    const check = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, {
      token: tokens.field,
      body: { clientId: randomUUID(), teamId, documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001' },
    });
    expect(check.body.result).toBe('potential_hit');
    alertId = check.body.hit.alertReportId;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('is marked so and seen by exactly the agencies the marking releases it to', async () => {
    const [alert] = await db.query<{ marking: string }>('SELECT marking FROM reports WHERE id = $1', [alertId]);
    expect(alert.marking).toBe(marking);
    const sees = async (who: string) => (await http(t.baseUrl, 'GET', `/api/reports/${alertId}`, { token: tokens[who] })).status === 200;
    expect(await sees('checking')).toBe(true);
    expect({ lead: await sees('lead'), participant: await sees('participant'), observer: await sees('observer') }).toEqual(seen);
    // The outcome stays with the checking and the lead agency's commanders, whatever the marking.
    const observer = await http(t.baseUrl, 'POST', `/api/document-checks/${(await checkOf()).id}/outcome`, { token: tokens.observer, body: { outcome: 'confirmed' } });
    expect(observer.status).toBe(seen.observer ? 403 : 404);
  });

  async function checkOf(): Promise<{ id: string }> {
    const checks = (await http(t.baseUrl, 'GET', `/api/operations/${operationId}/document-checks`, { token: tokens.checking })).body as { id: string; hit: { alertReportId: string } | null }[];
    return checks.find((check) => check.hit?.alertReportId === alertId)!;
  }
});
