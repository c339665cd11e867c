import { randomUUID } from 'node:crypto';
import { AuditService } from '../src/modules/audit/audit.service';
import { REDACTED, RetentionRepository } from '../src/modules/retention/retention.repository';
import { RetentionService } from '../src/modules/retention/retention.service';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';

const DAY = 86_400_000;

/**
 * The retention rule with an injected clock: 90 days (the default) after an operation closed, its
 * check hashes are erased and its narratives and reasons redacted — everywhere they are kept —
 * while counts and figures stay; open operations and recently closed ones are left alone.
 */
describe('retention of personal data after an operation closes', () => {
  let t: TestApp;
  let db: Fixtures;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const operations: Record<'old' | 'recent' | 'open', string> = { old: '', recent: '', open: '' };
  const teams: Record<string, string> = {};

  const serviceAt = (at: Date) =>
    new RetentionService(t.app.get(RetentionRepository), t.app.get(AuditService), t.config, { now: () => at });

  async function fill(operation: 'old' | 'recent' | 'open'): Promise<void> {
    const operationId = operations[operation];
    const report = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
      token: tokens.field,
      body: {
        clientId: randomUUID(),
        kind: 'interception',
        title: `Boat stopped (${operation})`,
        narrative: 'Skipper named Example Person, phone 0123 456 789',
        occurredAt: '2026-11-01T08:00:00Z',
        teamId: teams[operation],
        interception: { interceptionKind: 'smuggling', persons: 12, minors: 2, nationalities: ['KH', 'VN'] },
      },
    });
    expect(report.status).toBe(201);
    expect((await http(t.baseUrl, 'POST', `/api/reports/${report.body.id}/verify`, { token: tokens.commander, body: { reason: 'Confirmed by Officer Example' } })).status).toBe(200);
    const check = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/document-checks`, {
      token: tokens.field,
      body: { clientId: randomUUID(), teamId: teams[operation], documentType: 'passport', issuingCountry: 'KHM', documentNumber: 'N0000001' },
    });
    expect(check.status).toBe(201);
  }

  const personalData = async (operationId: string) => {
    const [row] = await db.query<{ hashes: number; narratives: string[]; reasons: string[]; events: string[]; history: string[]; persons: number[] }>(
      `SELECT (SELECT count(*)::int FROM document_checks WHERE operation_id = $1 AND doc_hash IS NOT NULL) AS hashes,
              (SELECT array_agg(narrative) FROM reports WHERE operation_id = $1) AS narratives,
              (SELECT array_agg(status_reason) FROM reports WHERE operation_id = $1) AS reasons,
              (SELECT array_agg(payload->'report'->>'narrative') FROM operation_events WHERE operation_id = $1 AND payload ? 'report') AS events,
              (SELECT array_agg(h.reason) FROM report_history h JOIN reports r ON r.id = h.report_id WHERE r.operation_id = $1 AND h.reason IS NOT NULL) AS history,
              (SELECT array_agg((interception->>'persons')::int) FROM reports WHERE operation_id = $1) AS persons`,
      [operationId],
    );
    return row;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    ids.KH = (await db.agency({ code: 'KH-RET' })).id;
    for (const [name, role] of [['commander', 'commander'], ['field', 'field']] as const) {
      const user = await db.user({ agencyId: ids.KH, role });
      ids[name] = user.id;
      tokens[name] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    for (const name of ['old', 'recent', 'open'] as const) {
      operations[name] = (await arrangeOperation(db, { leadAgencyId: ids.KH })).id;
      teams[name] = (await arrangeTeam(db, { operationId: operations[name], agencyId: ids.KH, memberUserIds: [ids.field] })).id;
      await fill(name);
    }
    // 'old' closes now; 'recent' closes 30 days later (its closing time set as the trigger would have).
    await db.query(`UPDATE operations SET status = 'closed' WHERE id = ANY($1)`, [[operations.old, operations.recent]]);
    await db.query(`UPDATE operations SET closed_at = closed_at + interval '30 days' WHERE id = $1`, [operations.recent]);
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('stamps the closing time when an operation closes', async () => {
    const rows = await db.query<{ id: string; closed_at: Date | null }>('SELECT id, closed_at FROM operations WHERE id = ANY($1)', [[operations.old, operations.open]]);
    expect(rows.find((row) => row.id === operations.old)?.closed_at).toBeInstanceOf(Date);
    expect(rows.find((row) => row.id === operations.open)?.closed_at).toBeNull();
  });

  it('89 days after closing, erases nothing (and says so in the audit trail)', async () => {
    const run = await serviceAt(new Date(Date.now() + 89 * DAY)).run();
    expect(run).toMatchObject({ ran: true, operations: [] });
    expect((await personalData(operations.old)).hashes).toBe(1);
    const [audit] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'retention.run'`);
    expect(audit.n).toBe(1);
  });

  it('91 days after closing, erases the old operation’s hashes and redacts its free text everywhere, keeping the counts', async () => {
    const run = await serviceAt(new Date(Date.now() + 91 * DAY)).run();
    expect(run.operations.map((operation) => operation.id)).toEqual([operations.old]);
    expect(run.operations[0]).toMatchObject({ checkHashes: 1, reports: 1 }); // no list here: the check was no hit, raising no alert

    const old = await personalData(operations.old);
    expect(old.hashes).toBe(0);
    expect(new Set(old.narratives)).toEqual(new Set([REDACTED]));
    expect(old.reasons.filter((reason) => reason !== null)).toEqual([REDACTED]);
    expect(new Set(old.events)).toEqual(new Set([REDACTED]));
    expect(new Set(old.history)).toEqual(new Set([REDACTED]));
    expect(old.persons.filter((persons) => persons !== null)).toEqual([12]);
    const figures = await http(t.baseUrl, 'GET', `/api/operations/${operations.old}/document-checks/figures`, { token: tokens.commander });
    expect(figures.body.reduce((sum: number, row: { checks: number }) => sum + row.checks, 0)).toBe(1);

    for (const kept of [operations.recent, operations.open]) {
      const data = await personalData(kept);
      expect(data.hashes).toBe(1);
      expect(data.narratives).toContain('Skipper named Example Person, phone 0123 456 789');
      expect(data.history).toContain('Confirmed by Officer Example');
    }
    const [audit] = await db.query<{ details: { operations: { id: string }[]; daysAfterClose: number } }>(
      `SELECT details FROM audit_log WHERE action = 'retention.run' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.details).toMatchObject({ daysAfterClose: 90, operations: [{ id: operations.old }] });
  });

  it('a second run erases nothing more; the recently closed one follows when its time comes', async () => {
    expect((await serviceAt(new Date(Date.now() + 92 * DAY)).run()).operations).toEqual([]);
    const later = await serviceAt(new Date(Date.now() + 121 * DAY)).run();
    expect(later.operations.map((operation) => operation.id)).toEqual([operations.recent]);
    expect((await personalData(operations.open)).hashes).toBe(1);
  });
});
