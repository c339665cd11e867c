import { randomUUID } from 'node:crypto';
import { CotListener } from '../src/modules/tak/cot-listener';
import { arrangeOperation, arrangeTeam } from './support/arrange-operation';
import { CotClient, makeCot, parseCot, pingFeature, positionFeature, until } from './support/cot-client';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The CoT listener as a TAK client meets it: events written by @tak-ps/node-cot sent over plain
 * TCP, back to back; bound devices' positions become their team's; everything else is refused
 * without storing anything; the picture comes back on the same connection as CoT.
 */
describe('TAK: device bindings and the CoT listener', () => {
  let t: TestApp;
  let db: Fixtures;
  let port: number;
  let operationId: string;
  let leadToken: string;
  let partToken: string;
  let leadTeam: string;
  let otherLeadTeam: string;
  let partTeam: string;
  const clients: CotClient[] = [];

  const positionsOf = async (teamId: string) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM team_positions WHERE team_id = $1', [teamId]))[0].n);
  const connect = async () => {
    const client = await CotClient.connect(port);
    clients.push(client);
    return client;
  };
  const bind = (teamId: string, uid: string, token = leadToken) => http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${teamId}/devices`, { token, body: { uid } });
  /** A second ago and older: the position schema refuses times in the future. */
  const past = (msAgo = 1000) => new Date(Date.now() - msAgo);

  beforeAll(async () => {
    t = await startTestApp({ COT_PORT: '0', COT_HOST: '127.0.0.1' });
    port = t.app.get(CotListener).port!;
    db = await Fixtures.open(t.database.url);
    const lead = await db.agency({ code: 'TAK-LEAD' });
    const part = await db.agency({ code: 'TAK-PART', country: 'VN' });
    leadToken = (await signIn(t.baseUrl, (await db.user({ agencyId: lead.id, role: 'commander' })).email)).accessToken;
    partToken = (await signIn(t.baseUrl, (await db.user({ agencyId: part.id, role: 'commander' })).email)).accessToken;
    operationId = (await arrangeOperation(db, { leadAgencyId: lead.id, members: [{ agencyId: part.id, role: 'participant' }] })).id;
    leadTeam = (await arrangeTeam(db, { operationId, agencyId: lead.id, callSign: 'RIVER-1' })).id;
    otherLeadTeam = (await arrangeTeam(db, { operationId, agencyId: lead.id, callSign: 'RIVER-2' })).id;
    partTeam = (await arrangeTeam(db, { operationId, agencyId: part.id, callSign: 'VN-BOAT-1', marking: 'TLP:GREEN' })).id;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await db.close();
    await t.close();
  });

  it('binds a device to a team once (201, then 200), refuses it for another team (409), lists and unbinds it, audited', async () => {
    const uid = `ANDROID-${randomUUID().slice(0, 8)}`;
    const first = await bind(leadTeam, uid);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ uid, teamId: leadTeam, operationId });
    expect((await bind(leadTeam, uid)).status).toBe(200);
    const elsewhere = await bind(otherLeadTeam, uid);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.code).toBe('device_bound_elsewhere');
    expect((await bind(partTeam, `${uid}-x`)).body.code).toBe('team_commander_required');
    expect((await bind(leadTeam, 'has space')).status).toBe(400);
    const listed = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/teams/${leadTeam}/devices`, { token: partToken });
    expect(listed.body.map((device: { uid: string }) => device.uid)).toContain(uid);
    expect((await http(t.baseUrl, 'DELETE', `/api/operations/${operationId}/teams/${leadTeam}/devices/${uid}`, { token: leadToken })).status).toBe(204);
    expect((await http(t.baseUrl, 'DELETE', `/api/operations/${operationId}/teams/${leadTeam}/devices/${uid}`, { token: leadToken })).status).toBe(404);
    const audit = await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'tak.%' AND details->>'uid' = $1 ORDER BY id`, [uid]);
    expect(audit.map((row) => row.action)).toEqual(['tak.device_bound', 'tak.device_unbound']);
  });

  it("a bound device's positions become its team's, while a stalled client holds an unfinished event; pings are answered", async () => {
    const stalled = await connect();
    await stalled.send('<?xml version="1.0"?><event version="2.0" uid="SLOW-1" type="a-f-G-U-C" time="'); // and nothing more
    const uid = `ANDROID-${randomUUID().slice(0, 8)}`;
    expect((await bind(leadTeam, uid)).status).toBe(201);
    const device = await connect();
    const [position, ping] = await makeCot([positionFeature(uid, 10.61, 105.21, past()), pingFeature(uid)]);
    await device.send(position + ping);
    await until('the team position from CoT', async () => {
      const teams = await http(t.baseUrl, 'GET', `/api/operations/${operationId}/teams`, { token: partToken });
      const team = teams.body.find((candidate: { id: string }) => candidate.id === leadTeam);
      return team?.lastPosition?.lat === 10.61 && team.lastPosition.lon === 105.21;
    });
    await until('the pong', () => device.received.some((event) => event.includes('type="t-x-c-t-r"')));
    const [pong] = await parseCot(device.received.filter((event) => event.includes('t-x-c-t-r')));
    expect(pong.properties.type).toBe('t-x-c-t-r');
    expect(stalled.closed).toBe(false);
  });

  it('refuses an unbound device: nothing stored, the connection stays open', async () => {
    const before = await positionsOf(leadTeam);
    const client = await connect();
    const [position, ping] = await makeCot([positionFeature('ANDROID-UNKNOWN', 10.7, 105.3, past()), pingFeature('ANDROID-UNKNOWN')]);
    await client.send(position + ping);
    await until('the pong after the refused position', () => client.received.length > 0);
    expect(await positionsOf(leadTeam)).toBe(before);
    expect(client.closed).toBe(false);
  });

  it.each([
    ['malformed XML', () => '<event version="2.0" uid="X" type="a-f-G-U-C" time="2026-12-01T00:00:00Z"><point lat="1" lon="2"></event>'],
    ['an entity declaration', () => '<?xml version="1.0"?><!DOCTYPE event [<!ENTITY boom "boom">]><event uid="&boom;"></event>'],
    ['a 10 MB event', () => `<event version="2.0" uid="BIG" type="a-f-G-U-C" time="2026-12-01T00:00:00Z"><detail><remarks>${'x'.repeat(10 * 1024 * 1024)}</remarks></detail></event>`],
  ])('closes the connection on %s, and stores nothing', async (_what, body) => {
    const uid = `ANDROID-${randomUUID().slice(0, 8)}`;
    expect((await bind(otherLeadTeam, uid)).status).toBe(201);
    const before = await positionsOf(otherLeadTeam);
    const client = await connect();
    client.send(body().replace(/uid="(X|BIG)"/, `uid="${uid}"`)).catch(() => undefined);
    await until('the listener to close the connection', () => client.closed);
    expect(await positionsOf(otherLeadTeam)).toBe(before);
    expect((await db.query<{ n: string }>(`SELECT count(*) AS n FROM tak_devices WHERE uid = $1`, [uid]))[0].n).toBe('1');
  });

  it('limits a flood of 1,000 events a second from one device without stopping another device', async () => {
    const flooder = `ANDROID-FLOOD-${randomUUID().slice(0, 4)}`;
    const steady = `ANDROID-STEADY-${randomUUID().slice(0, 4)}`;
    expect((await bind(otherLeadTeam, flooder)).status).toBe(201);
    const partDevice = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${partTeam}/devices`, { token: partToken, body: { uid: steady } });
    expect(partDevice.status).toBe(201);
    const steadyTimes: Date[] = [];
    const [template] = await makeCot([positionFeature(flooder, 10.8, 105.4, past())]);
    for (let i = 0; i < 5; i++) steadyTimes.push(past(5000 - i * 100));
    const steadyEvents = await makeCot(steadyTimes.map((at, i) => positionFeature(steady, 10.9 + i / 100, 105.5, at)));
    const floodBefore = await positionsOf(otherLeadTeam);
    const start = Date.now();
    const steadyBefore = await positionsOf(partTeam);
    const floodClient = await connect();
    const steadyClient = await connect();

    // Two seconds of 1,000 events a second (ten bursts of 100 every 100 ms per second), each with its own time.
    let sent = 0;
    const flood = (async () => {
      for (let tick = 0; tick < 20; tick++) {
        const burst: string[] = [];
        for (let i = 0; i < 100; i++) burst.push(template.replace(/time="[^"]+"/, `time="${new Date(start - 60_000 + sent++).toISOString()}"`));
        await floodClient.send(burst.join(''));
        await new Promise((done) => setTimeout(done, 100));
      }
    })();
    const steadyRun = (async () => {
      for (const event of steadyEvents) {
        await steadyClient.send(event);
        await new Promise((done) => setTimeout(done, 300));
      }
    })();
    await Promise.all([flood, steadyRun]);
    await until('every steady position stored', async () => (await positionsOf(partTeam)) - steadyBefore === steadyTimes.length);
    const floodStored = (await positionsOf(otherLeadTeam)) - floodBefore;
    expect(sent).toBe(2000);
    // 10 a second per device and 5 a second per team, with their bursts: a few dozen over two seconds, never the 2,000 sent.
    expect(floodStored).toBeGreaterThan(0);
    expect(floodStored).toBeLessThan(60);
    expect(floodClient.closed).toBe(false);
    console.log(`CoT flood: ${sent} events sent in ${Date.now() - start} ms, ${floodStored} stored; the other device's ${steadyTimes.length} all stored`);
  });

  it("sends a bound device the other teams' positions and the TLP:CLEAR/GREEN reports, live, as CoT; never a TLP:AMBER one; deletes one restricted later", async () => {
    const uid = `ANDROID-${randomUUID().slice(0, 8)}`;
    expect((await bind(leadTeam, uid)).status).toBe(201);
    const device = await connect();
    const [hello] = await makeCot([positionFeature(uid, 10.62, 105.22, past(500))]);
    await device.send(hello);
    await until("the partner team's position (sent on joining)", () => device.received.some((event) => event.includes(`lintas-team-${partTeam}`)));

    const post = (marking: string, title: string) =>
      http(t.baseUrl, 'POST', `/api/operations/${operationId}/reports`, {
        token: partToken,
        body: { clientId: randomUUID(), kind: 'interception', title, occurredAt: past().toISOString(), marking, lat: 10.63, lon: 105.23, recipientAgencyIds: [], interception: { interceptionKind: 'smuggling', persons: 3 } },
      });
    const amber = await post('TLP:AMBER', 'Amber boat');
    const green = await post('TLP:GREEN', 'Green boat');
    expect([amber.status, green.status]).toEqual([201, 201]);
    await until('the green report, live', () => device.received.some((event) => event.includes(`lintas-report-${green.body.id}`)));
    const moved = await http(t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${partTeam}/positions`, {
      token: partToken,
      body: { positions: [{ lat: 10.95, lon: 105.55, at: past(100).toISOString() }] },
    });
    expect(moved.status).toBeLessThan(300);
    await until("the partner team's new position, live", () => device.received.some((event) => event.includes(`lintas-team-${partTeam}`) && event.includes('lat="10.95"')));

    expect(device.received.some((event) => event.includes(amber.body.id))).toBe(false);
    expect(device.received.some((event) => event.includes(`lintas-team-${leadTeam}`))).toBe(false);
    const features = await parseCot(device.received);
    const report = features.find((feature) => feature.id === `lintas-report-${green.body.id}`)!;
    expect(report.properties.remarks).toMatch(/^\[TLP:GREEN\] TAK-PART interception/);
    expect(report.access).toBe('TLP:GREEN');
    expect(features.find((feature) => feature.id === `lintas-team-${partTeam}`)!.properties.type).toBe('a-f-G-U-C');

    // The originator restricts the report: the device is told to delete it.
    const amended = await http(t.baseUrl, 'PATCH', `/api/reports/${green.body.id}`, { token: partToken, body: { marking: 'TLP:AMBER' } });
    expect(amended.status).toBe(200);
    await until('the delete of the restricted report', () => device.received.some((event) => event.includes('type="t-x-d-d"') && event.includes(`uid="lintas-report-${green.body.id}"`)));
    const [deletion] = await parseCot(device.received.filter((event) => event.includes('type="t-x-d-d"')));
    expect(deletion.properties.type).toBe('t-x-d-d');
  });
});
