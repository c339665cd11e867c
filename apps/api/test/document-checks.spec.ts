import { randomUUID } from 'node:crypto';
import { td3Specimen } from '@lintas/contracts';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';

const HEADER = 'issuingCountry,documentType,documentNumber,status,source,reportedAt';

/**
 * Document checks end to end: list import (atomic, validated row by row, idempotent), checks by
 * fields and by MRZ, the alert a potential hit raises and who sees it, the outcome and its audit,
 * and that no document number is ever stored.
 */
describe('document checks', () => {
  let t: TestApp;
  let db: Fixtures;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let operationId: string;
  let vnTeam: string;

  const putList = (who: string, agencyCode: string, csv: string, contentType = 'text/csv') =>
    http(t.baseUrl, 'PUT', `/api/document-lists/${agencyCode}`, { token: tokens[who], rawBody: csv, headers: { 'content-type': contentType } });
  const check = (who: string, body: Record<string, unknown>) =>
    http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, { token: tokens[who], body: { clientId: randomUUID(), teamId: vnTeam, ...body } });
  const outcome = (who: string, checkId: string, body: Record<string, unknown>) =>
    http(t.baseUrl, 'POST', `/api/document-checks/${checkId}/outcome`, { token: tokens[who], body });
  const alertsSeenBy = async (who: string) =>
    ((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/reports?kind=alert`, { token: tokens[who] })).body.items ?? []) as { id: string; status: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const code of ['KH', 'VN', 'LA', 'TH', 'MY']) ids[code] = (await db.agency({ code: `${code}-AG` })).id;
    const users: [string, string, 'commander' | 'field' | 'admin'][] = [
      ['khCommander', 'KH', 'commander'],
      ['vnCommander', 'VN', 'commander'],
      ['vnField', 'VN', 'field'],
      ['laCommander', 'LA', 'commander'],
      ['thCommander', 'TH', 'commander'],
      ['myCommander', 'MY', 'commander'],
      ['admin', 'MY', 'admin'],
    ];
    for (const [name, agency, role] of users) {
      const user = await db.user({ agencyId: ids[agency], role });
      ids[name] = user.id;
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
    vnTeam = (await arrangeTeam(db, { operationId, agencyId: ids.VN, memberUserIds: [ids.vnField] })).id;
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  describe('list import', () => {
    const good = `${HEADER}\nKHM,passport,N0123456,stolen,KH passport office,2026-03-02\nVNM,P,C7654321,lost,VN immigration,\nTHA,id_card,"12-3456",revoked,"TH registry, Bangkok",2025-12-31\n`;

    it('imports a valid list and answers the report; the same file again is a no-op', async () => {
      const first = await putList('khCommander', 'KH-AG', good);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ agencyCode: 'KH-AG', outcome: 'applied', version: 1, rowsRead: 3, rowsAccepted: 3, rejectedCount: 0, rejected: [] });
      const again = await putList('khCommander', 'KH-AG', good);
      expect(again.body).toMatchObject({ outcome: 'unchanged', version: 1 });
      const [{ count }] = await db.query<{ count: string }>('SELECT count(*) FROM document_list_entries WHERE agency_id = $1', [ids.KH]);
      expect(Number(count)).toBe(3);
      // Vacuumed and analysed by the import itself, not left to autovacuum while checks are answered.
      const [state] = await db.query<{ vacuumed: boolean; analysed: boolean; planner_rows: number }>(
        `SELECT s.last_vacuum IS NOT NULL AS vacuumed, s.last_analyze IS NOT NULL AS analysed, c.reltuples::int AS planner_rows
           FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'document_list_entries'`,
      );
      expect(state).toEqual({ vacuumed: true, analysed: true, planner_rows: 3 });
    });

    it('refuses a file with bad rows, naming each by its line, and leaves the list in force', async () => {
      const bad = `${HEADER}\nKHM,passport,N9999999,stolen,src,2026-01-01\nKHM,passport,N1,missing,src,\n\nK1M,passport,N2,lost,src,\nKHM,passport,N3,lost,src,2026-13-01\nKHM,passport\n`;
      const answer = await putList('khCommander', 'KH-AG', bad);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('document_list_rejected');
      expect(answer.body.issues).toEqual([
        { path: 'line 3', message: 'status: “missing” is not one of stolen_blank, lost, stolen, revoked' },
        { path: 'line 5', message: 'issuingCountry: “K1M” is not an ICAO country code' },
        { path: 'line 6', message: 'reportedAt: “2026-13-01” is not a date YYYY-MM-DD' },
        { path: 'line 7', message: 'expected 6 columns, found 2' },
      ]);
      // The old list still answers: its entry hits, the refused file's valid first row does not.
      expect((await check('vnField', { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0123456' })).body.result).toBe('potential_hit');
      expect((await check('vnField', { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N9999999' })).body.result).toBe('no_hit');
    });

    it('refuses a wrong header, a body that is not CSV, and anyone but an admin or the agency’s commander', async () => {
      expect((await putList('khCommander', 'KH-AG', 'country,number\nKHM,N1\n')).body.code).toBe('document_list_header');
      expect((await putList('khCommander', 'KH-AG', good, 'text/plain')).body).toMatchObject({ statusCode: 415, code: 'csv_required' });
      // A record far longer than a row (a runaway quote, a wrong file): refused by its line, not read into memory.
      const runaway = await putList('khCommander', 'KH-AG', `${HEADER}\nKHM,passport,N1,lost,src,\nKHM,passport,"N2,lost,${'x'.repeat(20_000)}\n`);
      expect(runaway.body).toMatchObject({ statusCode: 400, code: 'document_list_rejected', issues: [{ path: 'line 3' }] });
      expect((await putList('vnCommander', 'KH-AG', good)).body.code).toBe('list_import_not_allowed');
      expect((await putList('vnField', 'VN-AG', good)).status).toBe(403);
      expect((await putList('khCommander', 'NO-SUCH', good)).status).toBe(404);
      expect((await http(t.baseUrl, 'PUT', '/api/document-lists/KH-AG', { rawBody: good, headers: { 'content-type': 'text/csv' } })).status).toBe(401);
      const byAdmin = await putList('admin', 'LA-AG', `${HEADER}\nLAO,passport,L1,lost,LA police,\n`);
      expect(byAdmin.body).toMatchObject({ outcome: 'applied', version: 1 });
    });

    it('a new version replaces the old in one step', async () => {
      const v2 = `${HEADER}\nKHM,passport,N0123456,stolen,KH passport office,2026-03-02\nKHM,passport,N5555555,stolen_blank,KH passport office,2026-04-01\n`;
      expect((await putList('khCommander', 'KH-AG', v2)).body).toMatchObject({ outcome: 'applied', version: 2, rowsAccepted: 2 });
      expect((await check('vnField', { documentType: 'passport', issuingCountry: 'VNM', documentNumber: 'C7654321' })).body.result).toBe('no_hit');
      expect((await check('vnField', { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N5555555' })).body.hit.status).toBe('stolen_blank');
    });
  });

  describe('checks and the alert of a potential hit', () => {
    let hitId: string;
    let alertId: string;

    it('a check by MRZ with a listed passport is a potential hit with the entry’s status and source; a retry is stored once', async () => {
      const body = { clientId: randomUUID(), teamId: vnTeam, mrz: td3Specimen({ country: 'KHM', number: 'N0123456' }).join('\n') };
      const answer = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, { token: tokens.vnField, body });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({
        result: 'potential_hit',
        documentType: 'passport',
        issuingCountry: 'KHM',
        checkingAgencyId: ids.VN,
        hit: { status: 'stolen', source: 'KH passport office', reportedAt: '2026-03-02', listAgencyCode: 'KH-AG' },
        outcome: null,
      });
      expect(JSON.stringify(answer.body)).not.toContain('N0123456');
      hitId = answer.body.id;
      alertId = answer.body.hit.alertReportId;
      const retry = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, { token: tokens.vnField, body });
      expect(retry.status).toBe(200);
      expect(retry.body.id).toBe(hitId);
      const [{ count }] = await db.query<{ count: string }>(`SELECT count(*) FROM reports WHERE kind = 'alert' AND id = $1`, [alertId]);
      expect(Number(count)).toBe(1);
      // One audit entry for the check (the retry adds none) and one for the alert it raised, both by the officer.
      const audits = await db.query<{ action: string; user_id: string; agency_id: string; operation_id: string; details: Record<string, unknown> }>(
        `SELECT action, user_id, agency_id, operation_id, details FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY action`,
        [hitId, alertId],
      );
      expect(audits).toEqual([
        {
          action: 'document_check.create',
          user_id: ids.vnField,
          agency_id: ids.VN,
          operation_id: operationId,
          details: { clientId: body.clientId, result: 'potential_hit', provider: 'local-list' },
        },
        expect.objectContaining({ action: 'report.create', user_id: ids.vnField, operation_id: operationId }),
      ]);
    });

    it('a wrong MRZ is refused with its line and field', async () => {
      const lines = td3Specimen({ country: 'KHM', number: 'N0123456' });
      lines[1] = `${lines[1].slice(0, 9)}${(Number(lines[1][9]) + 1) % 10}${lines[1].slice(10)}`;
      const answer = await check('vnField', { mrz: lines.join('\n') });
      expect(answer.status).toBe(400);
      expect(answer.body.issues[0]).toMatchObject({ path: 'mrz', message: expect.stringMatching(/^Line 2, document number check digit/) });
    });

    it('the alert (TLP:AMBER) reaches the checking and the lead agency, not the observer nor outsiders', async () => {
      expect((await alertsSeenBy('vnCommander')).map((r) => r.id)).toContain(alertId);
      expect((await alertsSeenBy('khCommander')).map((r) => r.id)).toContain(alertId);
      expect((await alertsSeenBy('thCommander')).map((r) => r.id)).not.toContain(alertId);
      expect((await http(t.baseUrl, 'GET', `/api/reports/${alertId}`, { token: tokens.thCommander })).status).toBe(404);
      expect((await http(t.baseUrl, 'GET', `/api/reports/${alertId}`, { token: tokens.myCommander })).status).toBe(404);
      const [alert] = await db.query<{ marking: string; narrative: string; origin_agency_id: string }>('SELECT marking, narrative, origin_agency_id FROM reports WHERE id = $1', [alertId]);
      expect(alert).toMatchObject({ marking: 'TLP:AMBER', origin_agency_id: ids.VN });
      expect(alert.narrative).toContain('stolen from its holder by KH passport office');
      // The observer's list of checks leaves out the other agencies' checks.
      const observed = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/document-checks`, { token: tokens.thCommander });
      expect(observed.body).toEqual([]);
    });

    it('only the commanders of the checking or the lead agency record the outcome; it is audited and settles the alert', async () => {
      expect((await outcome('laCommander', hitId, { outcome: 'confirmed' })).body.code).toBe('check_outcome_not_allowed');
      expect((await outcome('vnField', hitId, { outcome: 'confirmed' })).body.code).toBe('check_outcome_not_allowed');
      expect((await outcome('thCommander', hitId, { outcome: 'confirmed' })).status).toBe(404);
      expect((await outcome('myCommander', hitId, { outcome: 'confirmed' })).status).toBe(404);
      expect((await outcome('khCommander', hitId, { outcome: 'maybe' })).status).toBe(400);
      const recorded = await outcome('khCommander', hitId, { outcome: 'confirmed', note: 'Confirmed stolen by the issuing office' });
      expect(recorded.status).toBe(200);
      expect(recorded.body).toMatchObject({ outcome: 'confirmed', outcomeNote: 'Confirmed stolen by the issuing office', outcomeBy: ids.khCommander });
      expect((await outcome('vnCommander', hitId, { outcome: 'false_positive' })).body.code).toBe('outcome_already_recorded');
      const [audit] = await db.query<{ user_id: string; details: { outcome: string } }>(
        `SELECT user_id, details FROM audit_log WHERE action = 'document_check.outcome' AND entity_id = $1`,
        [hitId],
      );
      expect(audit).toMatchObject({ user_id: ids.khCommander, details: { outcome: 'confirmed' } });
      expect((await alertsSeenBy('vnCommander')).find((r) => r.id === alertId)?.status).toBe('verified');
    });

    it('a no-hit check has no outcome to record; the figures count per site and day', async () => {
      const clearBody = { clientId: randomUUID(), teamId: vnTeam, documentType: 'id_card', issuingCountry: 'VNM', documentNumber: 'X1' };
      const clear = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, { token: tokens.vnField, body: clearBody });
      expect(clear.status).toBe(201);
      expect(clear.body).toMatchObject({ result: 'no_hit', hit: null, checkingAgencyId: ids.VN, officerUserId: ids.vnField, documentType: 'id_card', issuingCountry: 'VNM' });
      // Stored with its audit entry (one statement); a retry answers the same check and audits nothing more.
      const retry = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, { token: tokens.vnField, body: clearBody });
      expect(retry.status).toBe(200);
      expect(retry.body.id).toBe(clear.body.id);
      const [stored] = await db.query<{ result: string; has_hash: boolean; team_id: string; officer_user_id: string }>(
        'SELECT result, octet_length(doc_hash) = 32 AS has_hash, team_id, officer_user_id FROM document_checks WHERE id = $1',
        [clear.body.id],
      );
      expect(stored).toEqual({ result: 'no_hit', has_hash: true, team_id: vnTeam, officer_user_id: ids.vnField });
      const audits = await db.query<{ action: string; user_id: string; agency_id: string; operation_id: string; details: Record<string, unknown> }>(
        'SELECT action, user_id, agency_id, operation_id, details FROM audit_log WHERE entity_id = $1',
        [clear.body.id],
      );
      expect(audits).toEqual([
        { action: 'document_check.create', user_id: ids.vnField, agency_id: ids.VN, operation_id: operationId, details: { clientId: clearBody.clientId, result: 'no_hit', provider: 'local-list' } },
      ]);
      expect((await outcome('vnCommander', clear.body.id, { outcome: 'confirmed' })).body.code).toBe('not_a_potential_hit');
      const figures = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/document-checks/figures`, { token: tokens.khCommander });
      expect(figures.status).toBe(200);
      const total = (figures.body as { checks: number; potentialHits: number; confirmedHits: number }[]).reduce(
        (sum, row) => ({ checks: sum.checks + row.checks, potentialHits: sum.potentialHits + row.potentialHits, confirmedHits: sum.confirmedHits + row.confirmedHits }),
        { checks: 0, potentialHits: 0, confirmedHits: 0 },
      );
      expect(total).toMatchObject({ potentialHits: 3, confirmedHits: 1 });
    });

    it('writers only: an observer, a liaison-less outsider and a field officer outside the team are refused', async () => {
      expect((await check('thCommander', { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N1' })).body.code).toBe('observer_read_only');
      expect((await check('myCommander', { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N1' })).status).toBe(404);
      expect((await check('khCommander', { documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N1' })).body.code).toBe('own_agency_team_required');
    });

    it('no document number is stored anywhere', async () => {
      const tables = await db.query<{ text: string }>(
        `SELECT string_agg(t::text, ' ') AS text FROM (
           SELECT row_to_json(c)::text AS t FROM document_checks c
           UNION ALL SELECT row_to_json(e)::text FROM document_list_entries e
           UNION ALL SELECT row_to_json(a)::text FROM audit_log a
           UNION ALL SELECT row_to_json(r)::text FROM reports r
           UNION ALL SELECT row_to_json(ev)::text FROM operation_events ev) all_rows`,
      );
      for (const number of ['N0123456', 'C7654321', 'N5555555', 'N9999999']) expect(tables[0].text).not.toContain(number);
    });
  });
});
