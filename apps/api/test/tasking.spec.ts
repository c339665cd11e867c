import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TASK_STATES, canTransitionTask, type OperationEvent, type Task, type TaskState } from '@lintas/contracts';
import { arrangeTeam } from './support/arrange-operation';
import { http } from './support/http';
import { connectOps, Feed, subscribe, waitUntil } from './support/ops-client';
import { useTaskingScene } from './support/tasking-scene';

/**
 * Tasks and requests between agencies, end to end through the API: the state machines, idempotent
 * changes, deadlines on an injected clock, and the markings on every read path (REST, live feed,
 * catch-up, event log).
 */
describe('tasking and requests between agencies', () => {
  const scene = useTaskingScene({
    codeSuffix: 'TK',
    outsiders: ['OUT'],
    cast: [
      ['khCommander', 'KH', 'commander'], ['khField', 'KH', 'field'], ['vnCommander', 'VN', 'commander'], ['vnField', 'VN', 'field'],
      ['thCommander', 'TH', 'commander'], ['observer', 'ID', 'commander'], ['outsider', 'OUT', 'commander'],
    ],
  });
  const { agency, token, userId, sockets } = scene;
  let operationId: string;
  let khTeam: string;
  let vnTeam: string;

  beforeAll(async () => {
    operationId = scene.operationId;
    khTeam = (await arrangeTeam(scene.db, { operationId, agencyId: agency.KH, memberUserIds: [userId.khField], callSign: 'KH-BAVET-1' })).id;
    vnTeam = (await arrangeTeam(scene.db, { operationId, agencyId: agency.VN, memberUserIds: [userId.vnField], callSign: 'VN-MOCBAI-1' })).id;
  });

  const api = (method: string, path: string, as: string, body?: unknown) => http(scene.t.baseUrl, method, `/api/operations/${operationId}${path}`, { token: token[as], body });
  const newTask = async (as = 'khCommander', fields: Record<string, unknown> = {}) => {
    const answer = await api('POST', '/tasks', as, { clientId: randomUUID(), teamId: khTeam, kind: 'move_to', title: 'Move to the Bavet secondary lane', target: { lat: 11.07, lon: 106.13 }, ...fields });
    expect(answer.status).toBe(201);
    return answer.body as Task;
  };
  const move = (taskId: string, to: TaskState, as = 'khField', clientId = randomUUID()) =>
    api('POST', `/tasks/${taskId}/transitions`, as, { clientId, to, ...(to === 'unable' || to === 'cancelled' ? { reason: 'Vehicle broke down' } : {}) });
  /** A task brought to `state` along the shortest allowed path. */
  const taskIn = async (state: TaskState): Promise<Task> => {
    const task = await newTask();
    const path: Record<TaskState, TaskState[]> = {
      assigned: [], acknowledged: ['acknowledged'], in_progress: ['acknowledged', 'in_progress'], done: ['acknowledged', 'done'],
      unable: ['unable'], cancelled: [],
    };
    for (const step of path[state]) expect((await move(task.id, step)).status).toBe(200);
    if (state === 'cancelled') expect((await move(task.id, 'cancelled', 'khCommander')).status).toBe(200);
    return task;
  };

  it('runs every allowed transition and refuses every other with 409', async () => {
    for (const from of TASK_STATES) {
      for (const to of TASK_STATES) {
        const task = await taskIn(from);
        const answer = await move(task.id, to, to === 'cancelled' ? 'khCommander' : 'khField');
        if (canTransitionTask(from, to)) {
          expect({ from, to, status: answer.status }).toEqual({ from, to, status: 200 });
          expect(answer.body.state).toBe(to);
        } else {
          expect({ from, to, status: answer.status, code: answer.body.code }).toEqual({ from, to, status: 409, code: 'invalid_task_transition' });
        }
      }
    }
  });

  it('applies a resent acknowledgement once, and records the reason of unable', async () => {
    const task = await newTask();
    const clientId = randomUUID();
    const first = await move(task.id, 'acknowledged', 'khField', clientId);
    const again = await move(task.id, 'acknowledged', 'khField', clientId);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(first.body.version);
    const detail = await api('GET', `/tasks/${task.id}`, 'khCommander');
    expect(detail.body.transitions.map((x: { to: string }) => x.to)).toEqual(['assigned', 'acknowledged']);
    // The same client id for another change is someone else's: refused.
    expect((await move(task.id, 'in_progress', 'khField', clientId)).status).toBe(409);
    const unable = await api('POST', `/tasks/${task.id}/transitions`, 'khField', { clientId: randomUUID(), to: 'unable' });
    expect(unable.status).toBe(400);
    expect((await move(task.id, 'unable')).body).toMatchObject({ state: 'unable', stateReason: 'Vehicle broke down' });
    // A create retried with its client id answers the stored task.
    const createBody = { clientId: randomUUID(), teamId: khTeam, kind: 'hold', title: 'Hold at the bridge' };
    expect((await api('POST', '/tasks', 'khCommander', createBody)).status).toBe(201);
    expect((await api('POST', '/tasks', 'khCommander', createBody)).status).toBe(200);
    expect((await api('POST', '/tasks', 'vnCommander', { ...createBody, teamId: vnTeam })).status).toBe(409);
  });

  it('lets the lead task another agency’s team only with that agency’s consent', async () => {
    const body = () => ({ clientId: randomUUID(), teamId: vnTeam, kind: 'intercept', title: 'Intercept van at Moc Bai' });
    expect((await api('POST', '/tasks', 'khCommander', body())).body.code).toBe('lead_tasking_not_allowed');
    expect((await api('POST', '/tasks', 'thCommander', body())).body.code).toBe('own_agency_team_required');
    expect((await api('PUT', '/tasking-consent', 'khCommander', { leadMayTask: true })).status).toBe(403);
    expect((await api('PUT', '/tasking-consent', 'vnCommander', { leadMayTask: true })).status).toBe(200);
    const task = await api('POST', '/tasks', 'khCommander', body());
    expect(task.status).toBe(201);
    // The VN team works it; the KH commander may cancel it but not acknowledge it.
    expect((await move(task.body.id, 'acknowledged', 'khCommander')).body.code).toBe('task_team_required');
    expect((await move(task.body.id, 'acknowledged', 'vnField')).status).toBe(200);
    // TLP:AMBER+STRICT from the lead would hide it from the VN team: refused.
    expect((await api('POST', '/tasks', 'khCommander', { ...body(), marking: 'TLP:AMBER+STRICT' })).body.code).toBe('marking_hides_from_addressee');
    expect((await api('PUT', '/tasking-consent', 'vnCommander', { leadMayTask: false })).status).toBe(200);
  });

  it('flags a task not acknowledged by its deadline once, alerting its author; moving the clock, not waiting', async () => {
    const start = new Date('2030-01-01T08:00:00Z');
    scene.clock.set(start);
    const late = await newTask('khCommander', { ackWithinSeconds: 300 });
    const acknowledged = await newTask('khCommander', { ackWithinSeconds: 300 });
    expect(late.ackDueAt).toBe('2030-01-01T08:05:00.000Z');
    expect((await move(acknowledged.id, 'acknowledged')).status).toBe(200);

    // (The first sweep also flags the earlier tests' tasks, created on the system clock years before.)
    await scene.deadlines.sweep(new Date(start.getTime() + 299_000));
    expect((await api('GET', `/tasks/${late.id}`, 'khCommander')).body.overdue).toBe(false);
    expect((await scene.deadlines.sweep(new Date(start.getTime() + 300_000))).tasks).toBe(1);
    expect((await scene.deadlines.sweep(new Date(start.getTime() + 600_000))).tasks).toBe(0);

    const flagged = await api('GET', `/tasks/${late.id}`, 'khCommander');
    expect(flagged.body.overdue).toBe(true);
    expect((await api('GET', `/tasks/${acknowledged.id}`, 'khCommander')).body.overdue).toBe(false);
    const log = await http(scene.t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=500`, { token: token.khCommander });
    const overdue = (log.body.items as OperationEvent[]).filter((e) => e.type === 'task.overdue' && e.task.id === late.id);
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ alertUserIds: [userId.khCommander], task: { overdue: true, state: 'assigned' } });
    // Acknowledging late still works; the overdue flag stays as a record.
    expect((await move(late.id, 'acknowledged')).body).toMatchObject({ state: 'acknowledged', overdue: true });
    scene.clock.set(null);
  });

  it('delivers tasks live and in the catch-up only to those the marking allows', async () => {
    const viewers = ['vnCommander', 'observer', 'thCommander'] as const;
    const feeds = await scene.feedsOf(viewers);
    const green = await newTask('khCommander', { marking: 'TLP:GREEN', title: 'Green task' });
    const amber = await newTask('khCommander', { marking: 'TLP:AMBER', title: 'Amber task' });
    const red = await newTask('khCommander', { marking: 'TLP:RED', recipientAgencyIds: [agency.VN], title: 'Red task' });
    const taskIds = (feed: Feed) => feed.events.filter((e) => e.type === 'task.created').map((e) => (e as { task: Task }).task.id);
    await waitUntil(() => taskIds(feeds.vnCommander).includes(red.id), 'the red task to reach VN');
    await waitUntil(() => taskIds(feeds.thCommander).includes(amber.id) && taskIds(feeds.observer).includes(green.id), 'the others');
    expect(taskIds(feeds.vnCommander)).toEqual([green.id, amber.id, red.id]);
    expect(taskIds(feeds.thCommander)).toEqual([green.id, amber.id]);
    expect(taskIds(feeds.observer)).toEqual([green.id]);

    // Catch-up from the start: the same rule.
    const again = await connectOps(scene.t.baseUrl, token.observer);
    sockets.push(again);
    const catchUp = new Feed(again);
    expect((await subscribe(again, { operationId, sinceSeq: 0 })).ok).toBe(true);
    await waitUntil(() => catchUp.caughtUp.length > 0, 'the catch-up');
    const seen = catchUp.events.filter((e) => e.type.startsWith('task.')).map((e) => (e as { task: Task }).task);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((task) => task.marking === 'TLP:GREEN' || task.marking === 'TLP:CLEAR')).toBe(true);
    // REST alike.
    const list = await api('GET', '/tasks?limit=500', 'observer');
    expect((list.body.items as Task[]).map((task) => task.id)).toContain(green.id);
    expect((list.body.items as Task[]).every((task) => task.marking === 'TLP:GREEN')).toBe(true);
    expect((await api('GET', `/tasks/${amber.id}`, 'observer')).status).toBe(404);
    expect((await api('GET', `/tasks/${red.id}`, 'thCommander')).status).toBe(404);
  });

  it('never shows an observer a TLP:AMBER+STRICT request between two other agencies, on any read path', async () => {
    const socket = await connectOps(scene.t.baseUrl, token.observer);
    sockets.push(socket);
    const live = new Feed(socket);
    expect((await subscribe(socket, { operationId })).ok).toBe(true);
    const khSocket = await connectOps(scene.t.baseUrl, token.khCommander);
    sockets.push(khSocket);
    const khLive = new Feed(khSocket);
    expect((await subscribe(khSocket, { operationId })).ok).toBe(true);

    const sent = await api('POST', '/requests', 'vnCommander', {
      clientId: randomUUID(), toAgencyId: agency.KH, kind: 'assist', subject: 'Strict: informant at Moc Bai', marking: 'TLP:AMBER+STRICT',
    });
    expect(sent.status).toBe(201);
    const accepted = await api('POST', `/requests/${sent.body.id}/transitions`, 'khCommander', { clientId: randomUUID(), to: 'accepted' });
    expect(accepted.status).toBe(200);
    await waitUntil(() => khLive.events.some((e) => e.type === 'request.updated' && e.request.id === sent.body.id), 'the lead to see the answer live');
    // A green task written after it reaches the observer: its feed has moved past the request.
    const marker = await newTask('khCommander', { marking: 'TLP:GREEN', title: 'Marker' });
    await waitUntil(() => live.events.some((e) => e.type === 'task.created' && e.task.id === marker.id), 'the marker');

    const mentions = (events: OperationEvent[]) => events.filter((e) => JSON.stringify(e).includes(sent.body.id));
    expect(mentions(live.events)).toEqual([]);
    const again = await connectOps(scene.t.baseUrl, token.observer);
    sockets.push(again);
    const catchUp = new Feed(again);
    expect((await subscribe(again, { operationId, sinceSeq: 0 })).ok).toBe(true);
    await waitUntil(() => catchUp.caughtUp.length > 0, 'the catch-up');
    expect(mentions(catchUp.events)).toEqual([]);
    const log = await http(scene.t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=500`, { token: token.observer });
    expect(mentions(log.body.items)).toEqual([]);
    expect((await api('GET', '/requests?limit=500', 'observer')).body.items.map((r: { id: string }) => r.id)).not.toContain(sent.body.id);
    expect((await api('GET', `/requests/${sent.body.id}`, 'observer')).status).toBe(404);
    // Nor the third participant; the two agencies do.
    expect((await api('GET', `/requests/${sent.body.id}`, 'thCommander')).status).toBe(404);
    expect((await api('GET', `/requests/${sent.body.id}`, 'khCommander')).status).toBe(200);
    // The lead cannot send TLP:AMBER+STRICT to a participant: it would be hidden from the addressee.
    const hidden = await api('POST', '/requests', 'khCommander', { clientId: randomUUID(), toAgencyId: agency.VN, kind: 'assist', subject: 'x', marking: 'TLP:AMBER+STRICT' });
    expect(hidden.body.code).toBe('marking_hides_from_addressee');
    expect((await api('POST', '/requests', 'khCommander', { clientId: randomUUID(), toAgencyId: agency.ID, kind: 'assist', subject: 'x' })).body.code).toBe('request_addressee_invalid');
  });

  it('turns an accepted KH→VN request into a VN task and records a hand-over both sides confirm', async () => {
    const sent = await api('POST', '/requests', 'khCommander', {
      clientId: randomUUID(), toAgencyId: agency.VN, kind: 'take_over_case', subject: 'Take over 8 persons leaving Bavet for Moc Bai',
      details: 'Van stopped at Bavet; passengers to be handed to the Moc Bai post.', lat: 11.073, lon: 106.135, marking: 'TLP:RED',
    });
    expect(sent.status).toBe(201);
    expect(sent.body.recipientAgencyIds).toEqual([agency.VN]);
    const id = sent.body.id as string;
    const vnTask = { clientId: randomUUID(), teamId: vnTeam, kind: 'intercept', title: 'Receive the van at Moc Bai', requestId: id, marking: 'TLP:RED', recipientAgencyIds: [agency.KH] };
    expect((await api('POST', '/tasks', 'vnCommander', vnTask)).body.code).toBe('request_not_accepted');
    expect((await api('POST', `/requests/${id}/transitions`, 'khCommander', { clientId: randomUUID(), to: 'accepted' })).body.code).toBe('request_addressee_commander_required');
    expect((await api('POST', `/requests/${id}/transitions`, 'vnCommander', { clientId: randomUUID(), to: 'declined' })).status).toBe(400);
    expect((await api('POST', `/requests/${id}/transitions`, 'vnCommander', { clientId: randomUUID(), to: 'accepted' })).body.state).toBe('accepted');
    const task = await api('POST', '/tasks', 'vnCommander', vnTask);
    expect(task.status).toBe(201);
    expect(task.body).toMatchObject({ requestId: id, teamId: vnTeam, originAgency: { id: agency.VN } });
    expect((await api('POST', '/tasks', 'khCommander', { ...vnTask, clientId: randomUUID(), teamId: khTeam })).body.code).toBe('request_task_team_mismatch');

    const handover = {
      persons: { adults: 6, minors: 2, suspectedVictims: 2, suspectedSmugglers: 1 }, nationalities: ['KH'], documents: 3,
      vehicle: 'White Toyota Hiace, KH plate ending 4417', notes: 'Two minors travelling with an aunt.',
    };
    expect((await api('POST', `/requests/${id}/handover/confirm`, 'vnCommander', { clientId: randomUUID() })).body.code).toBe('handover_not_recorded');
    const recorded = await api('POST', `/requests/${id}/handover`, 'khCommander', { clientId: randomUUID(), ...handover });
    expect(recorded.status).toBe(200);
    // An agency outside the request: the TH commander cannot see it (TLP:RED), so it does not exist for it.
    expect((await api('POST', `/requests/${id}/handover`, 'thCommander', { clientId: randomUUID(), ...handover })).status).toBe(404);
    expect((await api('POST', `/requests/${id}/transitions`, 'vnCommander', { clientId: randomUUID(), to: 'completed' })).body.code).toBe('handover_not_recorded');
    const stale = await api('POST', `/requests/${id}/handover/confirm`, 'vnCommander', { clientId: randomUUID(), expectedVersion: recorded.body.version - 1 });
    expect(stale.body.code).toBe('stale_version');
    expect((await api('POST', `/requests/${id}/handover/confirm`, 'khCommander', { clientId: randomUUID(), expectedVersion: recorded.body.version })).status).toBe(200);
    const confirmed = await api('POST', `/requests/${id}/handover/confirm`, 'vnCommander', { clientId: randomUUID() });
    expect(confirmed.body.handover).toMatchObject({ ...handover, fromConfirmed: { agencyId: agency.KH }, toConfirmed: { agencyId: agency.VN } });
    expect((await api('POST', `/requests/${id}/transitions`, 'vnCommander', { clientId: randomUUID(), to: 'completed' })).body.state).toBe('completed');

    const detail = await api('GET', `/requests/${id}`, 'vnCommander');
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual(['created', 'transition', 'handover_recorded', 'handover_confirmed', 'handover_confirmed', 'transition']);
    // The record as the event log holds it: the last event of the request.
    const log = await http(scene.t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=500`, { token: token.vnCommander });
    const events = (log.body.items as OperationEvent[]).filter((e) => e.type.startsWith('request.') && 'request' in e && e.request.id === id);
    expect(events.map((e) => e.type)).toEqual(['request.created', 'request.updated', 'request.updated', 'request.updated', 'request.updated', 'request.updated']);
    writeFileSync(join(tmpdir(), 'lintas-handover-record.json'), JSON.stringify(events[events.length - 1], null, 2));
    expect((await api('GET', `/requests/${id}`, 'observer')).status).toBe(404);
  });

  it('keeps each thread as visible as its subject: live, in the catch-up, over REST, and a resent message once', async () => {
    const red = await api('POST', '/requests', 'khCommander', { clientId: randomUUID(), toAgencyId: agency.VN, kind: 'assist', subject: 'Red thread', marking: 'TLP:RED' });
    const green = await newTask('khCommander', { marking: 'TLP:GREEN', title: 'Green thread' });
    const feeds: Record<string, Feed> = {};
    for (const name of ['vnCommander', 'thCommander', 'observer']) {
      const socket = await connectOps(scene.t.baseUrl, token[name]);
      sockets.push(socket);
      feeds[name] = new Feed(socket);
      expect((await subscribe(socket, { operationId })).ok).toBe(true);
    }
    const message = { clientId: randomUUID(), body: 'Van at the zero-kilometre marker, lane 2' };
    expect((await api('POST', `/requests/${red.body.id}/messages`, 'vnCommander', message)).status).toBe(201);
    expect((await api('POST', `/requests/${red.body.id}/messages`, 'vnCommander', message)).status).toBe(200);
    expect((await api('POST', `/requests/${red.body.id}/messages`, 'thCommander', { clientId: randomUUID(), body: 'x' })).status).toBe(404);
    expect((await api('GET', `/requests/${red.body.id}/messages`, 'observer')).status).toBe(404);
    const thread = await api('GET', `/requests/${red.body.id}/messages`, 'khCommander');
    expect(thread.body).toEqual([expect.objectContaining({ body: message.body, agencyCode: 'VN-TK', subject: 'request' })]);
    // A green task's thread: the observer reads it but does not write in it; the team's field officer does.
    expect((await api('POST', `/tasks/${green.id}/messages`, 'khField', { clientId: randomUUID(), body: 'On our way' })).status).toBe(201);
    expect((await api('POST', `/tasks/${green.id}/messages`, 'observer', { clientId: randomUUID(), body: 'x' })).status).toBe(403);
    expect((await api('GET', `/tasks/${green.id}/messages`, 'observer')).body).toHaveLength(1);

    const messages = (feed: Feed) => feed.events.filter((e) => e.type === 'thread.message').map((e) => (e as { message: { body: string } }).message.body);
    await waitUntil(() => messages(feeds.observer).includes('On our way') && messages(feeds.vnCommander).length === 2, 'the messages live');
    await waitUntil(() => messages(feeds.thCommander).includes('On our way'), 'the green message to TH');
    expect(messages(feeds.vnCommander)).toEqual([message.body, 'On our way']);
    expect(messages(feeds.thCommander)).toEqual(['On our way']);
    expect(messages(feeds.observer)).toEqual(['On our way']);
    const again = await connectOps(scene.t.baseUrl, token.thCommander);
    sockets.push(again);
    const catchUp = new Feed(again);
    expect((await subscribe(again, { operationId, sinceSeq: 0 })).ok).toBe(true);
    await waitUntil(() => catchUp.caughtUp.length > 0, 'the catch-up');
    expect(messages(catchUp)).not.toContain(message.body);
  });

  it('alerts the author once when a team patrolling an area leaves it, and again after it came back and left again', async () => {
    const area = [[106.1, 11.0], [106.2, 11.0], [106.2, 11.1], [106.1, 11.1]];
    const task = await newTask('khCommander', { kind: 'patrol', title: 'Patrol the paddy fields', target: { area } });
    const at = (minutes: number) => new Date(Date.now() - 60 * 60_000 + minutes * 60_000).toISOString();
    const report = (lat: number, lon: number, minutes: number) =>
      http(scene.t.baseUrl, 'POST', `/api/operations/${operationId}/teams/${khTeam}/positions`, { token: token.khField, body: { positions: [{ lat, lon, at: at(minutes) }] } });
    const leftEvents = async () => {
      const log = await http(scene.t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=500`, { token: token.khCommander });
      return (log.body.items as OperationEvent[]).filter((e) => e.type === 'task.left_area' && e.task.id === task.id);
    };
    expect((await report(11.05, 106.15, 1)).status).toBeLessThan(300);
    // Outside, but the team has not acknowledged yet: not its area yet.
    expect((await report(11.3, 106.15, 2)).status).toBeLessThan(300);
    await scene.deadlines.sweep(new Date());
    expect(await leftEvents()).toHaveLength(0);
    expect((await move(task.id, 'acknowledged')).status).toBe(200);
    await scene.deadlines.sweep(new Date());
    await scene.deadlines.sweep(new Date());
    expect(await leftEvents()).toHaveLength(1);
    expect((await leftEvents())[0]).toMatchObject({ alertUserIds: [userId.khCommander], task: { leftArea: true }, position: { lat: 11.3, lon: 106.15 } });
    expect((await api('GET', `/tasks/${task.id}`, 'khCommander')).body.leftArea).toBe(true);
    expect((await report(11.05, 106.15, 3)).status).toBeLessThan(300);
    await scene.deadlines.sweep(new Date());
    expect((await api('GET', `/tasks/${task.id}`, 'khCommander')).body.leftArea).toBe(false);
    expect((await report(10.9, 106.15, 4)).status).toBeLessThan(300);
    await scene.deadlines.sweep(new Date());
    expect(await leftEvents()).toHaveLength(2);
  });

  it('escalates an unanswered request to the lead agency at its deadline, once', async () => {
    const start = new Date('2030-02-01T08:00:00Z');
    scene.clock.set(start);
    await scene.deadlines.sweep(start); // what the earlier tests left open, on the system clock years before
    const sent = await api('POST', '/requests', 'vnCommander', { clientId: randomUUID(), toAgencyId: agency.TH, kind: 'share_information', subject: 'Lists of last week', answerWithinSeconds: 600 });
    expect(sent.status).toBe(201);
    expect((await scene.deadlines.sweep(new Date(start.getTime() + 599_000))).requests).toBe(0);
    expect((await scene.deadlines.sweep(new Date(start.getTime() + 600_000))).requests).toBe(1);
    expect((await scene.deadlines.sweep(new Date(start.getTime() + 900_000))).requests).toBe(0);
    scene.clock.set(null);
    expect((await api('GET', `/requests/${sent.body.id}`, 'thCommander')).body.overdue).toBe(true);
    const escalated = async (as: string) => {
      const log = await http(scene.t.baseUrl, 'GET', `/api/operations/${operationId}/events?limit=500`, { token: token[as] });
      return (log.body.items as OperationEvent[]).filter((e) => e.type === 'request.escalated' && e.requestId === sent.body.id);
    };
    expect(await escalated('khCommander')).toHaveLength(1);
    expect(await escalated('vnCommander')).toHaveLength(1);
    expect(await escalated('observer')).toHaveLength(0);
    const overdue = await api('GET', '/requests?direction=incoming', 'thCommander');
    expect(overdue.body.items.find((r: { id: string }) => r.id === sent.body.id)).toMatchObject({ overdue: true, state: 'open' });
  });
});
