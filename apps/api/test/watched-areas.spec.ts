import { randomUUID } from 'node:crypto';
import type { OperationEvent, WatchedArea } from '@lintas/contracts';
import { arrangeTeam } from './support/arrange-operation';
import { http } from './support/http';
import { connectOps, Feed, subscribe, waitUntil } from './support/ops-client';
import { useTaskingScene } from './support/tasking-scene';

/**
 * Watched areas: marked by a commander, alerted to the author when no team has been inside for
 * the threshold (once per lapse, on an injected clock: no sleeping), re-armed by a team entering,
 * and marked on every read path (REST, live feed, catch-up).
 */
describe('watched areas', () => {
  const scene = useTaskingScene({
    codeSuffix: 'WA',
    cast: [['khCommander', 'KH', 'commander'], ['khField', 'KH', 'field'], ['vnCommander', 'VN', 'commander'], ['thCommander', 'TH', 'commander'], ['observer', 'ID', 'commander']],
  });
  const { agency, token, userId, sockets } = scene;
  let operationId: string;
  let khTeam: string;

  const RING = [[106.1, 11.0], [106.2, 11.0], [106.2, 11.1], [106.1, 11.1], [106.1, 11.0]];
  const AREA = { type: 'Polygon', coordinates: [RING] };

  beforeAll(async () => {
    operationId = scene.operationId;
    khTeam = (await arrangeTeam(scene.db, { operationId, agencyId: agency.KH, memberUserIds: [userId.khField], callSign: 'KH-WATCH-1' })).id;
  });

  const api = (method: string, path: string, as: string, body?: unknown) => http(scene.t.baseUrl, method, `/api/operations/${operationId}${path}`, { token: token[as], body });
  const watch = async (as: string, fields: Record<string, unknown> = {}) => {
    const answer = await api('POST', '/watched-areas', as, { clientId: randomUUID(), name: 'Kaam Samnor landing', area: AREA, noTeamMinutes: 30, ...fields });
    expect(answer.status).toBe(201);
    return answer.body as WatchedArea;
  };
  const lapses = async (id: string) => {
    const log = await http(scene.t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=500`, { token: token.khCommander });
    return (log.body.items as OperationEvent[]).filter((e) => e.type === 'watched_area.lapsed' && e.watchedArea.id === id);
  };

  it('creates idempotently by clientId, refuses a polygon that crosses itself, lists and removes', async () => {
    const clientId = randomUUID();
    const body = { clientId, name: 'Bavet secondary lane', area: AREA, noTeamMinutes: 15, marking: 'TLP:GREEN' };
    const first = await api('POST', '/watched-areas', 'khCommander', body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: 'Bavet secondary lane', noTeamMinutes: 15, lapsed: false, authorUserId: userId.khCommander, marking: 'TLP:GREEN' });
    expect(first.body.version).toBeGreaterThan(0);
    const retry = await api('POST', '/watched-areas', 'khCommander', body);
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect((await api('POST', '/watched-areas', 'vnCommander', body)).body.code).toBe('client_id_taken');

    const bowtie = { type: 'Polygon', coordinates: [[[106.1, 11.0], [106.2, 11.1], [106.2, 11.0], [106.1, 11.1], [106.1, 11.0]]] };
    const crossing = await api('POST', '/watched-areas', 'khCommander', { ...body, clientId: randomUUID(), area: bowtie });
    expect(crossing.status).toBe(400);
    expect(crossing.body.code).toBe('validation_failed');

    expect((await api('GET', '/watched-areas', 'observer')).body.items.map((a: WatchedArea) => a.id)).toContain(first.body.id);
    expect((await api('DELETE', `/watched-areas/${first.body.id}`, 'vnCommander')).body.code).toBe('watched_area_origin_commander_required');
    expect((await api('DELETE', `/watched-areas/${first.body.id}`, 'khCommander')).status).toBe(204);
    expect((await api('DELETE', `/watched-areas/${first.body.id}`, 'khCommander')).status).toBe(204);
    expect((await api('GET', '/watched-areas', 'khCommander')).body.items.map((a: WatchedArea) => a.id)).not.toContain(first.body.id);
    const log = await api('GET', '/events?limit=500', 'khCommander');
    expect((log.body.items as OperationEvent[]).filter((e) => e.type === 'watched_area.removed' && e.watchedAreaId === first.body.id)).toHaveLength(1);
  });

  it('alerts the author once when no team has been inside for the threshold, and again after a team entered and the area lapsed again', async () => {
    // The clock is held two hours back, so that the positions the team reports are not in the future.
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 2 * 60 * 60_000);
    const minute = (n: number) => new Date(start.getTime() + n * 60_000);
    scene.clock.set(start);
    const area = await watch('vnCommander', { noTeamMinutes: 30 });
    expect(area.lastTeamInsideAt).toBe(start.toISOString());

    await scene.deadlines.sweep(minute(29));
    expect(await lapses(area.id)).toHaveLength(0);
    await scene.deadlines.sweep(minute(30));
    await scene.deadlines.sweep(minute(45));
    const first = await lapses(area.id);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ alertUserIds: [userId.vnCommander], watchedArea: { id: area.id, lapsed: true }, marking: area.marking });
    expect((await api('GET', '/watched-areas', 'vnCommander')).body.items.find((a: WatchedArea) => a.id === area.id).lapsed).toBe(true);

    // Positions outside do not re-arm it; a team seen inside (minute 52) does, quietly. (The sweep samples
    // last positions: the API's own 5 s timer also sweeps, so the test asserts only what any sweep order gives.)
    const report = (lat: number, lon: number, n: number) =>
      http(scene.t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${khTeam}/positions`, { token: token.khField, body: { positions: [{ lat, lon, at: minute(n).toISOString() }] } });
    expect((await report(11.3, 106.15, 48)).status).toBeLessThan(300);
    await scene.deadlines.sweep(minute(49));
    expect((await api('GET', '/watched-areas', 'vnCommander')).body.items.find((a: WatchedArea) => a.id === area.id).lapsed).toBe(true);
    expect((await report(11.05, 106.15, 52)).status).toBeLessThan(300);
    await scene.deadlines.sweep(minute(52));
    const back = (await api('GET', '/watched-areas', 'vnCommander')).body.items.find((a: WatchedArea) => a.id === area.id) as WatchedArea;
    expect(back).toMatchObject({ lapsed: false, lastTeamInsideAt: minute(52).toISOString() });
    expect(await lapses(area.id)).toHaveLength(1);

    // The team stays (its last position, at minute 52, is inside): no lapse until 30 minutes after it.
    expect((await report(11.3, 106.15, 60)).status).toBeLessThan(300);
    await scene.deadlines.sweep(minute(81));
    expect(await lapses(area.id)).toHaveLength(1);
    await scene.deadlines.sweep(minute(82));
    await scene.deadlines.sweep(minute(100));
    expect(await lapses(area.id)).toHaveLength(2);

    // A removed area never lapses again.
    expect((await api('DELETE', `/watched-areas/${area.id}`, 'vnCommander')).status).toBe(204);
    await scene.deadlines.sweep(minute(300));
    expect(await lapses(area.id)).toHaveLength(2);
    scene.clock.set(null);
  });

  it('delivers watched areas and their alerts only to those the marking allows: REST, live feed, catch-up', async () => {
    const viewers = ['khCommander', 'vnCommander', 'thCommander', 'observer'] as const;
    const feeds = await scene.feedsOf(viewers);
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60 * 60_000);
    scene.clock.set(start);
    // VN-BGC marks it TLP:AMBER+STRICT: VN and the lead (KH) see it; TH and the observer never do.
    const strict = await watch('vnCommander', { marking: 'TLP:AMBER+STRICT', name: 'Strict area', noTeamMinutes: 5 });
    const green = await watch('vnCommander', { marking: 'TLP:GREEN', name: 'Green area', noTeamMinutes: 5 });
    await scene.deadlines.sweep(new Date(start.getTime() + 6 * 60_000));
    scene.clock.set(null);
    const ids = (feed: Feed, type: string) =>
      feed.events.filter((e) => e.type === type).map((e) => (e as { watchedArea: WatchedArea }).watchedArea.id).filter((id) => id === strict.id || id === green.id).sort();
    await waitUntil(
      () => ids(feeds.khCommander, 'watched_area.lapsed').length === 2 && ids(feeds.vnCommander, 'watched_area.lapsed').length === 2 && ids(feeds.observer, 'watched_area.lapsed').length === 1,
      'the alerts',
    );
    const both = [strict.id, green.id].sort();
    for (const type of ['watched_area.created', 'watched_area.lapsed']) {
      expect(ids(feeds.khCommander, type)).toEqual(both);
      expect(ids(feeds.vnCommander, type)).toEqual(both);
      expect(ids(feeds.thCommander, type)).toEqual([green.id]);
      expect(ids(feeds.observer, type)).toEqual([green.id]);
    }

    // Catch-up from the start: the same rule.
    const again = await connectOps(scene.t.baseUrl, token.thCommander);
    sockets.push(again);
    const catchUp = new Feed(again);
    expect((await subscribe(again, { operationId, sinceSeq: 0 })).ok).toBe(true);
    await waitUntil(() => catchUp.caughtUp.length > 0, 'the catch-up');
    expect(ids(catchUp, 'watched_area.created')).toEqual([green.id]);
    expect(ids(catchUp, 'watched_area.lapsed')).toEqual([green.id]);

    // REST alike; a hidden area cannot be removed (404, not 403).
    const listed = async (as: string) => ((await api('GET', '/watched-areas', as)).body.items as WatchedArea[]).map((a) => a.id);
    expect(await listed('khCommander')).toEqual(expect.arrayContaining([strict.id, green.id]));
    expect(await listed('thCommander')).not.toContain(strict.id);
    expect(await listed('observer')).not.toContain(strict.id);
    expect(await listed('observer')).toContain(green.id);
    expect((await api('DELETE', `/watched-areas/${strict.id}`, 'thCommander')).status).toBe(404);
  });
});
