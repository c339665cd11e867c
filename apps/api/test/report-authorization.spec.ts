import { randomUUID } from 'node:crypto';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, expiredTokenOf } from './support/arrange-operation';

/**
 * Who may call each endpoint of reports, the snapshot and the event log. Every caller is a
 * commander, so that the agency's place in the operation decides; the report acted on is
 * TLP:GREEN (visible to every member, observers included) and originated by "own agency", the
 * lead. A fresh report is used for each cell, so that cells do not depend on each other.
 */
type Caller = 'ownAgency' | 'otherParticipant' | 'observer' | 'notInOperation' | 'noToken' | 'expiredToken';
type Endpoint = 'createReport' | 'listReports' | 'getReport' | 'amendReport' | 'verifyReport' | 'rejectReport' | 'events' | 'snapshot';

// prettier-ignore
const EXPECTED: Record<Endpoint, Record<Caller, number>> = {
  createReport: { ownAgency: 201, otherParticipant: 201, observer: 403, notInOperation: 404, noToken: 401, expiredToken: 401 },
  listReports:  { ownAgency: 200, otherParticipant: 200, observer: 200, notInOperation: 404, noToken: 401, expiredToken: 401 },
  getReport:    { ownAgency: 200, otherParticipant: 200, observer: 200, notInOperation: 404, noToken: 401, expiredToken: 401 },
  amendReport:  { ownAgency: 200, otherParticipant: 403, observer: 403, notInOperation: 404, noToken: 401, expiredToken: 401 },
  verifyReport: { ownAgency: 200, otherParticipant: 403, observer: 403, notInOperation: 404, noToken: 401, expiredToken: 401 },
  rejectReport: { ownAgency: 200, otherParticipant: 403, observer: 403, notInOperation: 404, noToken: 401, expiredToken: 401 },
  events:       { ownAgency: 200, otherParticipant: 200, observer: 200, notInOperation: 404, noToken: 401, expiredToken: 401 },
  snapshot:     { ownAgency: 200, otherParticipant: 200, observer: 200, notInOperation: 404, noToken: 401, expiredToken: 401 },
};
const CALLERS: Caller[] = ['ownAgency', 'otherParticipant', 'observer', 'notInOperation', 'noToken', 'expiredToken'];

describe('authorization matrix: report, snapshot and event-log endpoints × callers', () => {
  let t: TestApp;
  let db: Fixtures;
  let operationId: string;
  const token: Partial<Record<Caller, string | undefined>> = {};

  const newReport = async () => {
    const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
      token: token.ownAgency,
      body: { clientId: randomUUID(), kind: 'sitrep', title: 'Shared with all', occurredAt: '2026-11-01T00:00:00Z', marking: 'TLP:GREEN' },
    });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  };

  const CALL: Record<Endpoint, (caller: Caller) => Promise<number>> = {
    createReport: async (caller) =>
      (
        await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
          token: token[caller],
          body: { clientId: randomUUID(), kind: 'sitrep', title: 'From the matrix', occurredAt: '2026-11-01T00:00:00Z' },
        })
      ).status,
    listReports: async (caller) => (await http(t.baseUrl, 'GET', `/api/operations/${operationId}/reports`, { token: token[caller] })).status,
    getReport: async (caller) => (await http(t.baseUrl, 'GET', `/api/reports/${await newReport()}`, { token: token[caller] })).status,
    amendReport: async (caller) =>
      (await http(t.baseUrl, 'PATCH', `/api/reports/${await newReport()}`, { token: token[caller], body: { title: 'Amended in the matrix' } })).status,
    verifyReport: async (caller) => (await http(t.baseUrl, 'POST', `/api/reports/${await newReport()}/verify`, { token: token[caller], body: {} })).status,
    rejectReport: async (caller) =>
      (await http(t.baseUrl, 'POST', `/api/reports/${await newReport()}/reject`, { token: token[caller], body: { reason: 'Not confirmed' } })).status,
    events: async (caller) => (await http(t.baseUrl, 'GET', `/api/operations/${operationId}/events?sinceSeq=0`, { token: token[caller] })).status,
    snapshot: async (caller) => (await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot`, { token: token[caller] })).status,
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const agencies: Record<string, string> = {};
    for (const caller of ['ownAgency', 'otherParticipant', 'observer', 'notInOperation'] as const) {
      agencies[caller] = (await db.agency({ code: `AZ-${caller.toUpperCase().slice(0, 12)}` })).id;
      const user = await db.user({ agencyId: agencies[caller], role: 'commander' });
      token[caller] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    token.noToken = undefined;
    token.expiredToken = expiredTokenOf(token.ownAgency!);
    operationId = (
      await arrangeOperation(db, {
        leadAgencyId: agencies.ownAgency,
        members: [
          { agencyId: agencies.otherParticipant, role: 'participant' },
          { agencyId: agencies.observer, role: 'observer' },
        ],
      })
    ).id;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('the expired token is the same user and sign-in as a working one, only expired', async () => {
    const answer = await http(t.baseUrl, 'GET', '/api/me', { token: token.expiredToken });
    expect(answer.status).toBe(401);
    expect(answer.body.message).toMatch(/expired/);
  });

  describe.each(Object.keys(EXPECTED) as Endpoint[])('%s', (endpoint) => {
    it.each(CALLERS)(`answers the expected status to %s`, async (caller) => {
      expect({ endpoint, caller, status: await CALL[endpoint](caller) }).toEqual({ endpoint, caller, status: EXPECTED[endpoint][caller] });
    });
  });
});
