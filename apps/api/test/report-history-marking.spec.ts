import { randomUUID } from 'node:crypto';
import type { OperationEvent } from '@lintas/contracts';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';
import { Fixtures, signInCast } from './support/fixtures';
import { http } from './support/http';
import { connectOps, Feed, subscribe, waitUntil, type OpsClient } from './support/ops-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * What a report's markings hid stays hidden: its history shows a viewer only the entries made
 * under markings that viewer may see (a TLP:RED report re-marked TLP:CLEAR does not hand its
 * RED-era title to an observer), and a report names its team only to viewers who may see the team.
 */
describe('report history and references under the marking rule', () => {
  let t: TestApp;
  let db: Fixtures;
  const agencies: Record<string, string> = {};
  const users: Record<string, { id: string; email: string }> = {};
  const tokens: Record<string, string> = {};
  let operationId: string;
  const sockets: OpsClient[] = [];

  const get = (who: string, path: string) => http(t.baseUrl, 'GET', path, { token: tokens[who] });
  const post = (who: string, path: string, body: unknown) => http(t.baseUrl, 'POST', path, { token: tokens[who], body });
  const patch = (who: string, path: string, body: unknown) => http(t.baseUrl, 'PATCH', path, { token: tokens[who], body });
  /** Led by KH, with VN taking part and TH observing. */
  const arrangeKhOperation = async () =>
    (
      await arrangeOperation(db, {
        leadAgencyId: agencies.KH,
        members: [
          { agencyId: agencies.VN, role: 'participant' },
          { agencyId: agencies.TH, role: 'observer' },
        ],
      })
    ).id;

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const code of ['KH', 'VN', 'TH']) agencies[code] = (await db.agency({ code: `${code}-HM` })).id;
    await signInCast(
      db,
      t.baseUrl,
      agencies,
      [
        ['khCommander', 'KH', 'commander'],
        ['khAdmin', 'KH', 'admin'],
        ['vnCommander', 'VN', 'commander'],
        ['thCommander', 'TH', 'commander'],
      ],
      { users, tokens },
    );
    operationId = await arrangeKhOperation();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await db.close();
    await t.close();
  });

  it('a TLP:RED report re-marked TLP:CLEAR shows an observer none of its RED-era history', async () => {
    const created = await post('khCommander', `/api/operations/${operationId}/reports`, {
      clientId: randomUUID(),
      kind: 'sitrep',
      title: 'informant name: X',
      narrative: 'Met the informant at the river gate.',
      occurredAt: '2026-11-01T08:00:00Z',
      marking: 'TLP:RED',
      recipientAgencyIds: [agencies.VN],
    });
    expect(created.status).toBe(201);
    const path = `/api/reports/${created.body.id}`;
    expect((await patch('khCommander', path, { title: 'sitrep', narrative: 'Quiet night.' })).status).toBe(200);
    expect((await patch('khCommander', path, { marking: 'TLP:CLEAR' })).status).toBe(200);
    expect((await patch('khCommander', path, { narrative: 'Quiet night; all clear.' })).status).toBe(200);

    const observer = await get('thCommander', path);
    expect(observer.status).toBe(200);
    expect(observer.body).toMatchObject({ title: 'sitrep', marking: 'TLP:CLEAR' });
    // Only the change made after the report became TLP:CLEAR.
    expect(observer.body.history.map((entry: { action: string; changes: object }) => [entry.action, entry.changes])).toEqual([
      ['amended', { narrative: ['Quiet night.', 'Quiet night; all clear.'] }],
    ]);
    expect(JSON.stringify(observer.body)).not.toContain('informant');

    // The named recipient and the originator could see it all along: they get the whole history.
    for (const who of ['vnCommander', 'khCommander']) {
      const full = await get(who, path);
      expect(full.body.history.map((entry: { action: string }) => entry.action)).toEqual(['created', 'amended', 'amended', 'amended']);
      expect(full.body.history[1].changes.title).toEqual(['informant name: X', 'sitrep']);
    }
  });

  it('a TLP:GREEN report of a TLP:AMBER team names the team only to viewers who may see it', async () => {
    const team = (await arrangeTeam(db, { operationId, agencyId: agencies.KH, marking: 'TLP:AMBER' })).id;
    const created = await post('khCommander', `/api/operations/${operationId}/reports`, {
      clientId: randomUUID(),
      kind: 'sitrep',
      title: 'Patrol back at base',
      occurredAt: '2026-11-01T09:00:00Z',
      marking: 'TLP:GREEN',
      teamId: team,
    });
    expect(created.status).toBe(201);
    expect(created.body.teamId).toBe(team);

    const teamIdFor = async (who: string) => {
      const one = (await get(who, `/api/reports/${created.body.id}`)).body.teamId;
      const listed = (await get(who, `/api/operations/${operationId}/reports`)).body.items.find((r: { id: string }) => r.id === created.body.id).teamId;
      const snapshot = (await get(who, `/api/operations/${operationId}/snapshot`)).body.reports.find((r: { id: string }) => r.id === created.body.id).teamId;
      return [one, listed, snapshot];
    };
    expect(await teamIdFor('thCommander')).toEqual([null, null, null]);
    expect(await teamIdFor('vnCommander')).toEqual([team, team, team]);
    expect(await teamIdFor('khCommander')).toEqual([team, team, team]);
  });

  it('report events name a restricted team only to viewers who may see it: live, in the catch-up and over /events', async () => {
    const operation = await arrangeKhOperation();
    // One team in the database before the live stream starts, one created over the API after it.
    const strictTeam = (await arrangeTeam(db, { operationId: operation, agencyId: agencies.KH, marking: 'TLP:AMBER+STRICT' })).id;
    const viewers = ['khCommander', 'vnCommander', 'thCommander'];
    const live: Record<string, Feed> = {};
    for (const who of viewers) {
      const socket = await connectOps(t.baseUrl, tokens[who]);
      sockets.push(socket);
      live[who] = new Feed(socket);
      expect(await subscribe(socket, { operationId: operation, sinceSeq: 0 })).toMatchObject({ ok: true });
      await waitUntil(() => live[who].caughtUp.length === 1, `${who} caught up`);
    }
    const amberTeam = await post('khCommander', `/api/operations/${operation}/teams`, { callSign: 'KH-AMBER', size: 2, marking: 'TLP:AMBER' });
    expect(amberTeam.status).toBe(201);
    const report = (title: string, teamId: string) =>
      post('khCommander', `/api/operations/${operation}/reports`, { clientId: randomUUID(), kind: 'sitrep', title, occurredAt: '2026-11-01T09:00:00Z', marking: 'TLP:GREEN', teamId });
    const first = await report('Amber team back at base', amberTeam.body.id);
    expect((await report('Strict team back at base', strictTeam)).status).toBe(201);

    const teamsNamed = (events: readonly OperationEvent[]) =>
      events.flatMap((event) => (event.type === 'report.created' ? [[event.report.title, event.report.teamId]] : []));
    const expected: Record<string, (string | null)[][]> = {
      khCommander: [
        ['Amber team back at base', amberTeam.body.id],
        ['Strict team back at base', strictTeam],
      ],
      vnCommander: [
        ['Amber team back at base', amberTeam.body.id],
        ['Strict team back at base', null],
      ],
      thCommander: [
        ['Amber team back at base', null],
        ['Strict team back at base', null],
      ],
    };
    const firstSeq = (await get('khCommander', `/api/operations/${operation}/events?sinceSeq=0&limit=500`)).body.items.find(
      (event: OperationEvent) => event.type === 'report.created' && event.report.id === first.body.id,
    ).seq as number;
    for (const who of viewers) {
      await waitUntil(() => teamsNamed(live[who].events).length === 2, `${who} to receive both reports live`);
      expect({ who, live: teamsNamed(live[who].events) }).toEqual({ who, live: expected[who] });

      // A reconnecting client is sent the same events from the stream's recent memory.
      const socket = await connectOps(t.baseUrl, tokens[who]);
      sockets.push(socket);
      const again = new Feed(socket);
      expect(await subscribe(socket, { operationId: operation, sinceSeq: firstSeq - 1 })).toMatchObject({ ok: true });
      await waitUntil(() => again.caughtUp.length === 1, `${who} caught up again`);
      expect({ who, catchUp: teamsNamed(again.events) }).toEqual({ who, catchUp: expected[who] });

      const rest = await get(who, `/api/operations/${operation}/events?sinceSeq=0&limit=500`);
      expect({ who, rest: teamsNamed(rest.body.items) }).toEqual({ who, rest: expected[who] });
    }
  });

  it('an administrator of the originating agency verifies, as the dashboard now offers it', async () => {
    const created = await post('khCommander', `/api/operations/${operationId}/reports`, {
      clientId: randomUUID(),
      kind: 'sitrep',
      title: 'Checked by the admin',
      occurredAt: '2026-11-01T10:00:00Z',
    });
    const verified = await post('khAdmin', `/api/reports/${created.body.id}/verify`, {});
    expect(verified.status).toBe(200);
    expect(verified.body.statusBy).toBe(users.khAdmin.id);
    const refused = await post('vnCommander', `/api/reports/${created.body.id}/reject`, { reason: 'not ours to judge' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('origin_commander_required');
  });
});
