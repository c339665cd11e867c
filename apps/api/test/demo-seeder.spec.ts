import pino from 'pino';
import { DEMO_TRACK_POINTS } from '../src/modules/demo/demo-seeder.service';
import { runStartupTasks } from '../src/startup-tasks';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

const TABLES = [
  'agencies',
  'users',
  'operations',
  'operation_participants',
  'operation_sites',
  'teams',
  'team_members',
  'team_positions',
  'reports',
  'report_history',
  'operation_events',
  'audit_log',
] as const;

describe('demo data', () => {
  let t: TestApp;
  let db: Fixtures;
  const printed: string[] = [];
  let firstCounts: Record<string, number>;

  const counts = async () => {
    const result: Record<string, number> = {};
    for (const table of TABLES) result[table] = Number((await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);
    return result;
  };

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    const demoConfig = { ...t.config, demo: { enabled: true, password: 'demo-password-for-tests' } };
    const log = pino({ level: 'silent' });
    const spy = jest.spyOn(console, 'log').mockImplementation((text: unknown) => void printed.push(String(text)));
    try {
      await runStartupTasks(t.app, demoConfig, log);
      firstCounts = await counts();
      await runStartupTasks(t.app, demoConfig, log);
    } finally {
      spy.mockRestore();
    }
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  it('a second start adds nothing', async () => {
    expect(await counts()).toEqual(firstCounts);
    expect(firstCounts.reports).toBeGreaterThanOrEqual(30);
  });

  it('does nothing when demo mode is off', async () => {
    await runStartupTasks(t.app, { ...t.config, demo: { enabled: false, password: 'x' } }, pino({ level: 'silent' }));
    expect(await counts()).toEqual(firstCounts);
  });

  it('seeds agencies of at least four ASEAN countries and an international coordinator', async () => {
    const agencies = await db.query<{ code: string; country: string | null; kind: string }>('SELECT code, country, kind FROM agencies ORDER BY code');
    expect(agencies.map((a) => a.code)).toEqual(['ID-DGI', 'INTERPOL-CU', 'KH-GDI', 'MY-IMI', 'PH-BI', 'TH-RTP', 'VN-BGC']);
    expect(new Set(agencies.filter((a) => a.country).map((a) => a.country)).size).toBeGreaterThanOrEqual(4);
    expect(agencies.find((a) => a.code === 'INTERPOL-CU')).toEqual({ code: 'INTERPOL-CU', country: null, kind: 'international_organisation' });
  });

  it('has accounts of every role that sign in with the demo password', async () => {
    const roles = await db.query<{ role: string }>('SELECT DISTINCT role FROM users ORDER BY role');
    expect(roles.map((r) => r.role)).toEqual(['admin', 'commander', 'field', 'liaison']);
    const session = await signIn(t.baseUrl, 'commander@kh-gdi.demo', 'demo-password-for-tests');
    expect(session.user).toMatchObject({ email: 'commander@kh-gdi.demo', role: 'commander', agency: { code: 'KH-GDI' } });
  });

  it('prints the demo accounts and the password', () => {
    const output = printed.join('\n');
    expect(output).toContain('commander@kh-gdi.demo');
    expect(output).toContain('admin@interpol-cu.demo');
    expect(output).toContain('Password for every demo account: demo-password-for-tests');
  });

  it('runs one active operation on the Cambodia–Viet Nam border and one active exercise on the Thailand–Malaysia border', async () => {
    const session = await signIn(t.baseUrl, 'commander@kh-gdi.demo', 'demo-password-for-tests');
    const list = await http(t.baseUrl, 'GET', '/api/operations', { token: session.accessToken });
    expect(list.body).toEqual([expect.objectContaining({ code: 'OP-MEKONG-GATE', status: 'active', exercise: false, myRole: 'lead' })]);
    const operation = (await http(t.baseUrl, 'GET', `/api/operations/${list.body[0].id}`, { token: session.accessToken })).body;
    expect(operation.sites.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['kh-bavet', 'vn-moc-bai', 'kh-kaam-samnor', 'vn-vinh-xuong']));
    expect(operation.participants.map((p: { agency: { code: string }; role: string }) => `${p.agency.code}:${p.role}`)).toEqual([
      'KH-GDI:lead',
      'INTERPOL-CU:participant',
      'VN-BGC:participant',
      'ID-DGI:observer',
    ]);
    expect(operation.area.type).toBe('Polygon');

    const thai = await signIn(t.baseUrl, 'commander@th-rtp.demo', 'demo-password-for-tests');
    const exercise = (await http(t.baseUrl, 'GET', '/api/operations', { token: thai.accessToken })).body;
    expect(exercise).toEqual([expect.objectContaining({ code: 'EX-SADAO-SHIELD', status: 'active', exercise: true, myRole: 'lead' })]);
  });

  it('has teams with positions, and reports of every kind, marking and status', async () => {
    const teams = await db.query<{ call_sign: string; has_position: boolean }>(
      'SELECT call_sign, last_position_at IS NOT NULL AS has_position FROM teams ORDER BY call_sign',
    );
    expect(teams.length).toBe(7);
    expect(teams.filter((team) => team.has_position).length).toBe(6);
    expect(Number((await db.query('SELECT count(*)::int AS n FROM team_positions'))[0].n)).toBe(6 * DEMO_TRACK_POINTS);

    const distinct = async (column: string) => (await db.query(`SELECT DISTINCT ${column} AS v FROM reports ORDER BY 1`)).map((r) => r.v);
    expect(await distinct('kind')).toEqual(['alert', 'interception', 'sitrep']);
    expect(await distinct('marking')).toEqual(['TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:CLEAR', 'TLP:GREEN', 'TLP:RED']);
    expect(await distinct('status')).toEqual(['rejected', 'reported', 'verified']);
    const red = await db.query(`SELECT count(*)::int AS n FROM reports WHERE marking = 'TLP:RED' AND cardinality(recipient_agency_ids) = 0`);
    expect(red[0].n).toBe(0);
  });

  it('went through the services: every operation change and report is in the event log', async () => {
    const types = await db.query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM operation_events GROUP BY type ORDER BY type');
    expect(types).toEqual([
      { type: 'operation.participant_added', n: 6 },
      { type: 'operation.site_attached', n: 10 },
      // created, then made active
      { type: 'operation.updated', n: 4 },
      // 34 demo reports, and the alert of the demo's document check that hits the made-up list
      { type: 'report.created', n: 35 },
      { type: 'report.updated', n: 9 },
      // OP-MEKONG-GATE's requests between agencies (2 sent; one accepted, its hand-over recorded, confirmed twice, completed)
      { type: 'request.created', n: 2 },
      { type: 'request.updated', n: 5 },
      // and its tasks (4 given; 7 changes by the teams)
      { type: 'task.created', n: 4 },
      { type: 'task.updated', n: 7 },
      { type: 'team.created', n: 7 },
    ]);
  });

  it("spreads the recorded times over the story, not the second it was seeded in: forward along the log, reports received after they happened", async () => {
    const operations = await db.query<{ id: string; starts_at: Date }>('SELECT id, starts_at FROM operations');
    for (const operation of operations) {
      const events = await db.query<{ seq: string; at: Date; type: string; received: string | null; report_received: Date | null }>(
        `SELECT e.seq, e.at, e.type, e.payload -> 'report' ->> 'receivedAt' AS received, r.received_at AS report_received
           FROM operation_events e LEFT JOIN reports r ON r.id = (e.payload -> 'report' ->> 'id')::uuid
          WHERE e.operation_id = $1 ORDER BY e.seq`,
        [operation.id],
      );
      const times = events.map((event) => event.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(operation.starts_at.getTime() + 1000);
      expect(times[times.length - 1] - times[0]).toBeGreaterThan(2 * 3_600_000);
      expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
      for (const event of events.filter((item) => item.type === 'report.created')) {
        expect(event.at.getTime()).toBeGreaterThanOrEqual(event.report_received!.getTime());
        expect(event.received).toBe(event.report_received!.toISOString());
      }
    }
    const late = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM reports WHERE received_at < occurred_at OR received_at > occurred_at + interval '2 minutes'");
    expect(late[0].n).toBe(0);
    const history = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM report_history h JOIN reports r ON r.id = h.report_id WHERE h.action = 'created' AND h.at <> r.received_at",
    );
    expect(history[0].n).toBe(0);
  });
});
