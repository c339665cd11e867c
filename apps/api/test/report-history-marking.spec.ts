import { randomUUID } from 'node:crypto';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';
import { Fixtures, signInCast } from './support/fixtures';
import { http } from './support/http';
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

  const get = (who: string, path: string) => http(t.baseUrl, 'GET', path, { token: tokens[who] });
  const post = (who: string, path: string, body: unknown) => http(t.baseUrl, 'POST', path, { token: tokens[who], body });
  const patch = (who: string, path: string, body: unknown) => http(t.baseUrl, 'PATCH', path, { token: tokens[who], body });

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
    operationId = (
      await arrangeOperation(db, {
        leadAgencyId: agencies.KH,
        members: [
          { agencyId: agencies.VN, role: 'participant' },
          { agencyId: agencies.TH, role: 'observer' },
        ],
      })
    ).id;
  });
  afterAll(async () => {
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
