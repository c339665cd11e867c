import { arrangeOperation, arrangeTeam } from '../support/arrange-operation';
import { Fixtures, signInCast, type CastMember } from '../support/fixtures';
import { http } from '../support/http';
import { connectOps, Feed, subscribe, waitUntil, type OpsClient } from '../support/ops-client';
import { startTestApp, type TestApp } from '../support/test-app';

/** Live positions over the socket, the outbox upload, track history, and the rate limit. */
describe('team positions', () => {
  let t: TestApp;
  let db: Fixtures;
  const agency: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};
  const sockets: OpsClient[] = [];
  let operationId: string;
  const team: Record<string, string> = {};

  const open = async (who: string) => {
    const socket = await connectOps(t.baseUrl, tokens[who]);
    sockets.push(socket);
    return socket;
  };
  /** Seconds ago, as an ISO time stamp with milliseconds. */
  const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();
  const position = (at: string, lat = 11.07, lon = 106.12) => ({ lat, lon, heading: 90, speed: 1.5, accuracy: 8, at });
  const post = async (socket: OpsClient, teamId: string, body = position(ago(1))) =>
    socket.timeout(5000).emitWithAck('team:position', { operationId, teamId, position: body });

  beforeAll(async () => {
    t = await startTestApp({ POSITION_STALE_SECONDS: '60' });
    db = await Fixtures.open(t.database.url);
    for (const code of ['KH', 'VN', 'TH', 'MY']) agency[code] = (await db.agency({ code: `${code}-POS` })).id;
    const people: CastMember[] = [
      ['khCommander', 'KH', 'commander'],
      ['khField', 'KH', 'field'],
      ['khOtherField', 'KH', 'field'],
      ['khOutboxField', 'KH', 'field'],
      ['khLiaison', 'KH', 'liaison'],
      ['vnCommander', 'VN', 'commander'],
      ['vnField', 'VN', 'field'],
      ['thCommander', 'TH', 'commander'],
      ['myCommander', 'MY', 'commander'],
    ];
    await signInCast(db, t.baseUrl, agency, people, { users, tokens });
    operationId = (
      await arrangeOperation(db, {
        leadAgencyId: agency.KH,
        members: [
          { agencyId: agency.VN, role: 'participant' },
          { agencyId: agency.MY, role: 'participant' },
          { agencyId: agency.TH, role: 'observer' },
        ],
      })
    ).id;
    team.kh = (await arrangeTeam(db, { operationId, agencyId: agency.KH, callSign: 'KH ALPHA', memberUserIds: [users.khField.id] })).id;
    team.khFlood = (await arrangeTeam(db, { operationId, agencyId: agency.KH, callSign: 'KH FLOOD', memberUserIds: [users.khField.id] })).id;
    team.khOutbox = (await arrangeTeam(db, { operationId, agencyId: agency.KH, callSign: 'KH OUTBOX', memberUserIds: [users.khOutboxField.id] })).id;
    team.vnStrict = (
      await arrangeTeam(db, { operationId, agencyId: agency.VN, callSign: 'VN STRICT', marking: 'TLP:AMBER+STRICT', memberUserIds: [users.vnField.id] })
    ).id;
    team.vnRed = (
      await arrangeTeam(db, { operationId, agencyId: agency.VN, callSign: 'VN RED', marking: 'TLP:RED', recipientAgencyIds: [agency.MY] })
    ).id;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  it('a team member’s position is acknowledged once committed and reaches the viewers the team’s marking allows', async () => {
    const viewers = ['khCommander', 'vnCommander', 'thCommander', 'myCommander'];
    const feeds: Record<string, Feed> = {};
    for (const viewer of viewers) {
      const socket = await open(viewer);
      feeds[viewer] = new Feed(socket);
      expect(await subscribe(socket, { operationId, sinceSeq: 0 })).toMatchObject({ ok: true });
    }
    const field = await open('khField');
    const vnField = await open('vnField');
    const at = ago(2);
    expect(await post(field, team.kh, position(at, 11.5, 104.9))).toEqual({ ok: true });
    // Acknowledged means stored: the row and the team's latest position are there already.
    const [stored] = await db.query('SELECT lat, lon FROM team_positions WHERE team_id = $1', [team.kh]);
    expect(stored).toEqual({ lat: 11.5, lon: 104.9 });
    const [latest] = await db.query('SELECT last_lat, last_position_at FROM teams WHERE id = $1', [team.kh]);
    expect(latest.last_lat).toBe(11.5);
    expect(new Date(latest.last_position_at).toISOString()).toBe(at);

    const strictAt = ago(2);
    expect(await post(vnField, team.vnStrict, position(strictAt, 10, 105))).toEqual({ ok: true });

    // GREEN team: everyone; AMBER+STRICT team of VN: VN and the lead (KH) only.
    await waitUntil(() => feeds.khCommander.positions.flatMap((m) => m.positions).length === 2, 'KH to see both teams', 5000);
    await waitUntil(() => feeds.thCommander.positions.length >= 1, 'TH to see the GREEN team', 5000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const teamsSeenBy = (viewer: string) => [...new Set(feeds[viewer].positions.flatMap((m) => m.positions.map((p) => p.teamId)))].sort();
    expect(teamsSeenBy('khCommander')).toEqual([team.kh, team.vnStrict].sort());
    expect(teamsSeenBy('vnCommander')).toEqual([team.kh, team.vnStrict].sort());
    expect(teamsSeenBy('thCommander')).toEqual([team.kh]);
    expect(teamsSeenBy('myCommander')).toEqual([team.kh]);
    expect(feeds.thCommander.positions[0]).toEqual({
      operationId,
      positions: [{ teamId: team.kh, lat: 11.5, lon: 104.9, heading: 90, speed: 1.5, accuracy: 8, at }],
    });

    // The subscribe answer carries the latest positions, under the same rule.
    const late = await open('thCommander');
    const answer = await subscribe(late, { operationId });
    expect(answer).toMatchObject({ ok: true });
    expect(answer.ok && answer.positions.map((p) => p.teamId)).toEqual([team.kh]);
    const lead = await open('khCommander');
    const leadAnswer = await subscribe(lead, { operationId });
    expect(leadAnswer.ok && leadAnswer.positions.map((p) => p.teamId).sort()).toEqual([team.kh, team.vnStrict].sort());
  });

  // How many updates a burst becomes depends on the clock (one per team per POSITION_FLUSH_MS): that
  // rule is unit-tested on a fake clock (src/realtime/position-fanout.spec.ts). Here, what holds at any speed.
  it('delivers the newest of a burst last, each position at most once and never an older one after a newer', async () => {
    const socket = await open('vnCommander');
    const feed = new Feed(socket);
    await subscribe(socket, { operationId });
    const field = await open('khField');
    const times = [0.3, 0.2, 0.1].map((seconds) => ago(seconds)); // newer than the team's latest
    await Promise.all(times.map((at, i) => post(field, team.kh, position(at, 12 + i, 105))));
    await waitUntil(() => feed.positions.some((m) => m.positions.some((p) => p.at === times[2])), 'the newest position', 5000);
    const updates = feed.positions.flatMap((m) => m.positions).filter((p) => p.teamId === team.kh);
    const ats = updates.map((p) => p.at);
    expect(ats.every((at) => times.includes(at))).toBe(true);
    expect(ats).toEqual([...new Set(ats)].sort());
    expect(updates[updates.length - 1]).toMatchObject({ lat: 14, at: times[2] });
  });

  it.each([
    ['a field officer who is not on the team', 'khOtherField', 'kh', 403, 'team_member_required', 'A field officer posts only for a team of its agency that it is a member of'],
    ["a commander, for another agency's team", 'khCommander', 'vnStrict', 403, 'own_agency_team_required', "Only your own agency's teams in this operation may be posted for"],
    ['an observing agency', 'thCommander', 'kh', 403, 'observer_read_only', 'Observing agencies cannot write into this operation'],
    ['a liaison', 'khLiaison', 'kh', 403, 'liaison_read_only', 'Liaison accounts are read-only'],
    ['anyone, for a team its agency may not see', 'khCommander', 'vnRed', 404, 'not_found', 'Team not found'],
  ])('refuses %s', async (_name, who, teamKey, status, code, message) => {
    const socket = await open(who);
    expect(await post(socket, team[teamKey])).toEqual({ ok: false, error: { status, code, message } });
  });

  it('refuses a team that is not in the operation with 404', async () => {
    const socket = await open('khCommander');
    const elsewhere = (await arrangeOperation(db, { leadAgencyId: agency.KH })).id;
    const stray = (await arrangeTeam(db, { operationId: elsewhere, agencyId: agency.KH })).id;
    expect(await post(socket, stray)).toEqual({ ok: false, error: { status: 404, code: 'not_found', message: 'Team not found' } });
  });

  it('a flood of position updates is cut to the rate limit with 429, and the server stays responsive', async () => {
    const socket = await open('khField');
    const base = Date.now() - 60_000;
    const started = Date.now();
    const flood = Array.from({ length: 100 }, (_, i) =>
      post(socket, team.khFlood, position(new Date(base + i * 10).toISOString())).then((answer) => answer as { ok: boolean; error?: { status: number } }),
    );
    // Asked while the flood is being answered; how fast it answers is the benchmarks' business.
    const health = await http(t.baseUrl, 'GET', '/api/health');
    const answers = await Promise.all(flood);
    const floodSeconds = Math.ceil((Date.now() - started) / 1000);
    const accepted = answers.filter((answer) => answer.ok).length;
    const limited = answers.filter((answer) => !answer.ok && answer.error?.status === 429).length;

    expect(health.status).toBe(200);
    // 5 a second plus a burst of 5: 10 when the flood arrives within a second; on a busy machine it
    // takes longer to arrive, and each further second lets 5 more through.
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThanOrEqual(5 * floodSeconds + 5);
    expect(limited).toBe(100 - accepted);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM team_positions WHERE team_id = $1', [team.khFlood]);
    expect(count).toBe(accepted);
    // Other teams are not held back by this one's limit.
    const commander = await open('vnCommander');
    expect(await post(commander, team.vnStrict)).toEqual({ ok: true });
    console.log(`[figures] flood of 100 position updates: ${accepted} stored, ${limited} answered 429; /api/health answered ${health.status} meanwhile`);
  });

  describe('REST: the field outbox and track history', () => {
    const path = () => `/api/operations/${operationId}/teams/${team.khOutbox}/positions`;

    it('stores a batch in one transaction, a re-sent position once, and moves the latest position forward only', async () => {
      const times = [40, 30, 20].map((seconds) => ago(seconds));
      const first = await http(t.baseUrl, 'POST', path(), { token: tokens.khOutboxField, body: { positions: times.map((at, i) => position(at, 11 + i, 104)) } });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ accepted: 3, stored: 3 });

      const older = ago(50);
      const resent = await http(t.baseUrl, 'POST', path(), {
        token: tokens.khOutboxField,
        body: { positions: [position(older, 9, 104), ...times.map((at, i) => position(at, 11 + i, 104))] },
      });
      expect(resent.body).toEqual({ accepted: 4, stored: 1 });

      const [teamRow] = await db.query('SELECT last_lat, last_position_at FROM teams WHERE id = $1', [team.khOutbox]);
      expect(teamRow.last_lat).toBe(13);
      expect(new Date(teamRow.last_position_at).toISOString()).toBe(times[2]);
      const audit = await db.query(`SELECT details FROM audit_log WHERE action = 'team.positions_uploaded' AND entity_id = $1 ORDER BY id`, [team.khOutbox]);
      expect(audit.map((row) => row.details)).toEqual([
        { accepted: 3, stored: 3 },
        { accepted: 4, stored: 1 },
      ]);
    });

    it('answers the track oldest first, in pages, within from/to', async () => {
      const all = await http(t.baseUrl, 'GET', path(), { token: tokens.vnCommander });
      expect(all.status).toBe(200);
      expect(all.body.teamId).toBe(team.khOutbox);
      expect(all.body.items.map((p: { lat: number }) => p.lat)).toEqual([9, 11, 12, 13]);
      expect(all.body.nextCursor).toBeNull();

      const first = await http(t.baseUrl, 'GET', `${path()}?limit=3`, { token: tokens.vnCommander });
      expect(first.body.items.map((p: { lat: number }) => p.lat)).toEqual([9, 11, 12]);
      const second = await http(t.baseUrl, 'GET', `${path()}?limit=3&cursor=${first.body.nextCursor}`, { token: tokens.vnCommander });
      expect(second.body).toEqual({ teamId: team.khOutbox, items: [expect.objectContaining({ lat: 13 })], nextCursor: null });

      const from = all.body.items[1].at;
      const to = all.body.items[2].at;
      const window = await http(t.baseUrl, 'GET', `${path()}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token: tokens.vnCommander });
      expect(window.body.items.map((p: { lat: number }) => p.lat)).toEqual([11, 12]);
    });

    it('shows the track only to those the team’s marking allows, and refuses bad input with 400', async () => {
      await db.query(`INSERT INTO team_positions (team_id, operation_id, lat, lon, at) VALUES ($1, $2, 1, 1, now() - interval '1 minute')`, [
        team.vnRed,
        operationId,
      ]);
      const redPath = `/api/operations/${operationId}/teams/${team.vnRed}/positions`;
      expect((await http(t.baseUrl, 'GET', redPath, { token: tokens.myCommander })).body.items).toHaveLength(1); // named recipient
      expect((await http(t.baseUrl, 'GET', redPath, { token: tokens.khCommander })).status).toBe(404); // even the lead
      expect((await http(t.baseUrl, 'GET', redPath, { token: tokens.thCommander })).status).toBe(404);

      const badCursor = await http(t.baseUrl, 'GET', `${path()}?cursor=nonsense`, { token: tokens.khCommander });
      expect(badCursor.status).toBe(400);
      const inverted = await http(t.baseUrl, 'GET', `${path()}?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`, { token: tokens.khCommander });
      expect(inverted.status).toBe(400);
      const empty = await http(t.baseUrl, 'POST', path(), { token: tokens.khOutboxField, body: { positions: [] } });
      expect(empty.status).toBe(400);
      const badId = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/not-a-uuid/positions`, { token: tokens.khOutboxField, body: { positions: [position(ago(1))] } });
      expect(badId.status).toBe(400);
      const observer = await http(t.baseUrl, 'POST', path(), { token: tokens.thCommander, body: { positions: [position(ago(1))] } });
      expect(observer.status).toBe(403);
      const anonymous = await http(t.baseUrl, 'GET', path());
      expect(anonymous.status).toBe(401);
    });

    it('flags a team stale when its latest position is older than POSITION_STALE_SECONDS', async () => {
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/teams`, { token: tokens.khCommander });
      expect(answer.status).toBe(200);
      const byId = new Map((answer.body as { id: string; stale: boolean }[]).map((row) => [row.id, row.stale]));
      expect(byId.get(team.kh)).toBe(false); // a position seconds ago
      expect(byId.get(team.khOutbox)).toBe(false); // 20 s ago, under the 60 s configured
      await db.query(`UPDATE teams SET last_position_at = now() - interval '2 minutes' WHERE id = $1`, [team.khOutbox]);
      const later = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/teams`, { token: tokens.khCommander });
      expect(new Map((later.body as { id: string; stale: boolean }[]).map((row) => [row.id, row.stale])).get(team.khOutbox)).toBe(true);
    });
  });
});
