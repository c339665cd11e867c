import { randomUUID } from 'node:crypto';
import { MARKINGS, type Marking } from '@lintas/contracts';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';

/**
 * The handling-marking rule as PRODUCT.md states it, checked on every read path of reports: the
 * list, the single read, the snapshot (reports and teams) and the event log. One item per
 * marking, originated by a participating agency (not the lead, so that "originator" and "lead"
 * are different viewers); the TLP:RED item names one other participant.
 */
type ViewerKind = 'originator' | 'lead' | 'participant' | 'observer' | 'redRecipient' | 'outsider';

// prettier-ignore
const EXPECTED: Record<Marking, Record<ViewerKind, boolean>> = {
  //                    originator  lead   participant observer redRecipient outsider
  'TLP:CLEAR':        { originator: true, lead: true,  participant: true,  observer: true,  redRecipient: true,  outsider: false },
  'TLP:GREEN':        { originator: true, lead: true,  participant: true,  observer: true,  redRecipient: true,  outsider: false },
  'TLP:AMBER':        { originator: true, lead: true,  participant: true,  observer: false, redRecipient: true,  outsider: false },
  'TLP:AMBER+STRICT': { originator: true, lead: true,  participant: false, observer: false, redRecipient: false, outsider: false },
  'TLP:RED':          { originator: true, lead: false, participant: false, observer: false, redRecipient: true,  outsider: false },
};
const VIEWERS: ViewerKind[] = ['originator', 'lead', 'participant', 'observer', 'redRecipient', 'outsider'];

describe('marking matrix: 5 markings × 6 viewer kinds over list, get, snapshot and the event log', () => {
  let t: TestApp;
  let db: Fixtures;
  let operationId: string;
  const agency: Partial<Record<ViewerKind, string>> = {};
  const token: Partial<Record<ViewerKind, string>> = {};
  const reportOf: Partial<Record<Marking, string>> = {};
  const teamOf: Partial<Record<Marking, string>> = {};

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const kind of VIEWERS) {
      agency[kind] = (await db.agency({ code: `MX-${kind.toUpperCase().slice(0, 10)}` })).id;
      const user = await db.user({ agencyId: agency[kind]!, role: 'commander' });
      token[kind] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    operationId = (
      await arrangeOperation(db, {
        leadAgencyId: agency.lead!,
        members: [
          { agencyId: agency.originator!, role: 'participant' },
          { agencyId: agency.participant!, role: 'participant' },
          { agencyId: agency.redRecipient!, role: 'participant' },
          { agencyId: agency.observer!, role: 'observer' },
        ],
      })
    ).id;
    for (const marking of MARKINGS) {
      const recipientAgencyIds = marking === 'TLP:RED' ? [agency.redRecipient!] : [];
      const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
        token: token.originator,
        body: { clientId: randomUUID(), kind: 'sitrep', title: `Marked ${marking}`, occurredAt: '2026-11-01T00:00:00Z', marking, recipientAgencyIds },
      });
      expect(answer.status).toBe(201);
      reportOf[marking] = answer.body.id;
      teamOf[marking] = (await arrangeTeam(db, { operationId, agencyId: agency.originator!, marking, recipientAgencyIds })).id;
    }
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  const expectedIds = (kind: ViewerKind, of: Partial<Record<Marking, string>>) =>
    MARKINGS.filter((marking) => EXPECTED[marking][kind]).map((marking) => of[marking]!).sort();

  describe.each(VIEWERS)('%s', (kind) => {
    it('GET /reports/:id answers 200 exactly for the visible markings, 404 otherwise', async () => {
      for (const marking of MARKINGS) {
        const answer = await http(t.baseUrl, 'GET', `/api/reports/${reportOf[marking]}`, { token: token[kind] });
        expect({ marking, status: answer.status }).toEqual({ marking, status: EXPECTED[marking][kind] ? 200 : 404 });
      }
    });

    it('GET /operations/:id/reports lists exactly the visible reports', async () => {
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/reports`, { token: token[kind] });
      if (kind === 'outsider') return expect(answer.status).toBe(404);
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((item: { id: string }) => item.id).sort()).toEqual(expectedIds(kind, reportOf));
    });

    it('GET /operations/:id/snapshot carries exactly the visible reports and teams', async () => {
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot`, { token: token[kind] });
      if (kind === 'outsider') return expect(answer.status).toBe(404);
      expect(answer.status).toBe(200);
      expect(answer.body.reports.map((item: { id: string }) => item.id).sort()).toEqual(expectedIds(kind, reportOf));
      expect(answer.body.teams.map((item: { id: string }) => item.id).sort()).toEqual(expectedIds(kind, teamOf));
    });

    it('GET /operations/:id/events carries exactly the visible report events', async () => {
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?sinceSeq=0&limit=500`, { token: token[kind] });
      if (kind === 'outsider') return expect(answer.status).toBe(404);
      expect(answer.status).toBe(200);
      const reported = answer.body.items.filter((event: { type: string }) => event.type === 'report.created');
      expect(reported.map((event: { report: { id: string } }) => event.report.id).sort()).toEqual(expectedIds(kind, reportOf));
      expect(answer.body.lastSeq).toBe(5);
    });
  });
});
