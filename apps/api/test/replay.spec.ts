import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { MARKINGS, replayItems, type Marking, type OperationEvent, type OperationRole, type Report, type Team } from '@lintas/contracts';
import { Fixtures, signIn } from './support/fixtures';
import { http } from './support/http';
import { startTestApp, type TestApp } from './support/test-app';
import { arrangeOperation } from './support/arrange-operation';

/**
 * Replay: `GET /operations/:id/snapshot?at=` and `GET /operations/:id/replay`. The state at a
 * moment must be what applying the log up to that moment gives, filtered by the marking each item
 * had then; a marking change replays as it happened.
 */
type ViewerKind = 'originator' | 'lead' | 'participant' | 'observer' | 'redRecipient' | 'outsider';
const VIEWERS: ViewerKind[] = ['originator', 'lead', 'participant', 'observer', 'redRecipient', 'outsider'];
const ROLE: Record<Exclude<ViewerKind, 'lead' | 'outsider'>, Exclude<OperationRole, 'lead'>> = {
  originator: 'participant',
  participant: 'participant',
  observer: 'observer',
  redRecipient: 'participant',
};
// prettier-ignore
const EXPECTED: Record<Marking, Record<ViewerKind, boolean>> = {
  'TLP:CLEAR':        { originator: true, lead: true,  participant: true,  observer: true,  redRecipient: true,  outsider: false },
  'TLP:GREEN':        { originator: true, lead: true,  participant: true,  observer: true,  redRecipient: true,  outsider: false },
  'TLP:AMBER':        { originator: true, lead: true,  participant: true,  observer: false, redRecipient: true,  outsider: false },
  'TLP:AMBER+STRICT': { originator: true, lead: true,  participant: false, observer: false, redRecipient: false, outsider: false },
  'TLP:RED':          { originator: true, lead: false, participant: false, observer: false, redRecipient: true,  outsider: false },
};

const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe('replay: the state at a moment and the events of a window', () => {
  let t: TestApp;
  let db: Fixtures;
  const agency: Partial<Record<ViewerKind, string>> = {};
  const token: Partial<Record<ViewerKind, string>> = {};
  let fieldToken: string;
  let adminToken: string;
  let operationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = await Fixtures.open(t.database.url);
    for (const kind of VIEWERS) {
      agency[kind] = (await db.agency({ code: `RP-${kind.toUpperCase().slice(0, 10)}` })).id;
      const user = await db.user({ agencyId: agency[kind]!, role: 'commander' });
      token[kind] = (await signIn(t.baseUrl, user.email)).accessToken;
    }
    fieldToken = (await signIn(t.baseUrl, (await db.user({ agencyId: agency.originator!, role: 'field' })).email)).accessToken;
    adminToken = (await signIn(t.baseUrl, (await db.user({ agencyId: agency.outsider!, role: 'admin' })).email)).accessToken;
    operationId = await newOperation();
  });
  afterAll(async () => {
    await db.close();
    await t.close();
  });

  async function newOperation(): Promise<string> {
    const members = (Object.keys(ROLE) as (keyof typeof ROLE)[]).map((kind) => ({ agencyId: agency[kind]!, role: ROLE[kind] }));
    return (await arrangeOperation(db, { leadAgencyId: agency.lead!, members })).id;
  }

  async function post(operation: string, marking: Marking, title: string): Promise<Report> {
    const answer = await http(t.baseUrl, 'POST', `/api/operations/${operation}/reports`, {
      token: token.originator,
      body: { clientId: randomUUID(), kind: 'sitrep', title, occurredAt: '2026-11-01T00:00:00Z', marking, recipientAgencyIds: marking === 'TLP:RED' ? [agency.redRecipient!] : [] },
    });
    expect(answer.status).toBe(201);
    return answer.body;
  }

  async function remark(reportId: string, marking: Marking): Promise<void> {
    const answer = await http(t.baseUrl, 'PATCH', `/api/reports/${reportId}`, {
      token: token.originator,
      body: { marking, recipientAgencyIds: marking === 'TLP:RED' ? [agency.redRecipient!] : [] },
    });
    expect(answer.status).toBe(200);
  }

  /** The whole log as the originator reads it (it sees its own items at every marking). */
  async function log(operation: string): Promise<OperationEvent[]> {
    const answer = await http(t.baseUrl, 'GET', `/api/operations/${operation}/events?sinceSeq=0&limit=500`, { token: token.lead });
    const own = await http(t.baseUrl, 'GET', `/api/operations/${operation}/events?sinceSeq=0&limit=500`, { token: token.originator });
    const bySeq = new Map<number, OperationEvent>();
    for (const event of [...answer.body.items, ...own.body.items]) bySeq.set(event.seq, event);
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  const snapshotAt = (operation: string, kind: ViewerKind, at: string) =>
    http(t.baseUrl, 'GET', `/api/operations/${operation}/snapshot?at=${encodeURIComponent(at)}`, { token: token[kind] });
  const before = (at: string) => new Date(Date.parse(at) - 1).toISOString();

  it('answers the marking matrix at a moment, and the re-marked picture after it', async () => {
    const operation = await newOperation();
    const reportOf: Partial<Record<Marking, string>> = {};
    for (const marking of MARKINGS) reportOf[marking] = (await post(operation, marking, `Marked ${marking}`)).id;
    const created = (await log(operation)).at(-1)!.at;
    for (const marking of MARKINGS) if (marking !== 'TLP:CLEAR') await remark(reportOf[marking]!, 'TLP:CLEAR');
    const cleared = (await log(operation)).at(-1)!.at;

    for (const kind of VIEWERS) {
      const then = await snapshotAt(operation, kind, created);
      if (kind === 'outsider') {
        expect(then.status).toBe(404);
        continue;
      }
      expect(then.status).toBe(200);
      expect({ kind, ids: ids(then.body.reports) }).toEqual({ kind, ids: MARKINGS.filter((m) => EXPECTED[m][kind]).map((m) => reportOf[m]!).sort() });
      const later = await snapshotAt(operation, kind, cleared);
      expect({ kind, ids: ids(later.body.reports) }).toEqual({ kind, ids: MARKINGS.map((m) => reportOf[m]!).sort() });
      // Before anything happened: nothing to show, and the same shape as the live snapshot.
      const empty = await snapshotAt(operation, kind, '2020-01-01T00:00:00Z');
      expect(Object.keys(empty.body).sort()).toEqual(['operation', 'reports', 'seq', 'teams']);
      expect(empty.body).toMatchObject({ reports: [], teams: [], seq: 0 });
    }
  });

  it('replays a marking change as it happened: raised GREEN→RED vanishes for observers from then; RED released later appears only from its release', async () => {
    const operation = await newOperation();
    const raised = await post(operation, 'TLP:GREEN', 'Raised later');
    const released = await post(operation, 'TLP:RED', 'Released later');
    await remark(raised.id, 'TLP:RED');
    const raiseAt = (await log(operation)).at(-1)!.at;
    await remark(released.id, 'TLP:GREEN');
    const releaseAt = (await log(operation)).at(-1)!.at;

    const seen = async (kind: ViewerKind, at: string) => ids((await snapshotAt(operation, kind, at)).body.reports);
    expect(await seen('observer', before(raiseAt))).toEqual([raised.id]);
    expect(await seen('observer', raiseAt)).toEqual([]);
    expect(await seen('observer', before(releaseAt))).toEqual([]);
    expect(await seen('observer', releaseAt)).toEqual([released.id]);
    expect(await seen('redRecipient', raiseAt)).toEqual([raised.id, released.id].sort());
    // The report replayed carries the marking it had then.
    const atRaise = (await snapshotAt(operation, 'redRecipient', raiseAt)).body.reports as Report[];
    expect(atRaise.find((r) => r.id === raised.id)?.marking).toBe('TLP:RED');

    // The window: an observer never receives the RED-era events.
    const window = await http(t.baseUrl, 'GET', `/api/operations/${operation}/replay?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`, { token: token.observer });
    expect(window.status).toBe(200);
    expect(window.body.events.map((e: OperationEvent) => e.marking)).not.toContain('TLP:RED');
    expect(window.body.events.map((e: OperationEvent) => e.type === 'report.created' || e.type === 'report.updated' ? e.report.title : e.type)).toEqual(['Raised later', 'Released later']);
  });

  it('names a raised item to the viewers who saw it as withdrawn in the window, and to no one else', async () => {
    const operation = await newOperation();
    const from = new Date(Date.now() - 1000).toISOString();
    const raised = await post(operation, 'TLP:GREEN', 'Seen, then raised');
    const neverSeen = await post(operation, 'TLP:RED', 'Never seen by observers');
    await remark(raised.id, 'TLP:RED');
    await remark(neverSeen.id, 'TLP:AMBER+STRICT');
    const to = new Date(Date.now() + 1000).toISOString();
    const windowOf = async (kind: ViewerKind) =>
      (await http(t.baseUrl, 'GET', `/api/operations/${operation}/replay?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token: token[kind] })).body as { withdrawals: { itemId: string }[] };
    expect((await windowOf('observer')).withdrawals.map((w) => w.itemId)).toEqual([raised.id]);
    expect((await windowOf('redRecipient')).withdrawals.map((w) => w.itemId)).toEqual([neverSeen.id]);
    expect((await windowOf('originator')).withdrawals).toEqual([]);
  });

  it('shows the operation as it was at the moment: as created before its first event, renamed only from the rename', async () => {
    const created = await http(t.baseUrl, 'POST', '/api/operations', {
      token: token.lead,
      body: { code: `OP-RP-${randomUUID().slice(0, 6).toUpperCase()}`, name: 'As created', description: 'The objective at first', startsAt: new Date(Date.now() - 3_600_000).toISOString() },
    });
    expect(created.status).toBe(201);
    const operation = created.body.id as string;
    // The lead's agency is its only member: the lead reads the whole log.
    const lastAt = async () => ((await http(t.baseUrl, 'GET', `/api/operations/${operation}/events?sinceSeq=0&limit=500`, { token: token.lead })).body.items as OperationEvent[]).at(-1)!.at;
    const createdAt = await lastAt();
    expect((await http(t.baseUrl, 'PATCH', `/api/operations/${operation}`, { token: token.lead, body: { name: 'Renamed later', description: 'The objective changed' } })).status).toBe(200);
    const renamedAt = await lastAt();

    const nameAt = async (at: string) => {
      const answer = await http(t.baseUrl, 'GET', `/api/operations/${operation}/snapshot?at=${encodeURIComponent(at)}`, { token: token.lead });
      expect(answer.status).toBe(200);
      return [answer.body.operation.name, answer.body.operation.description, answer.body.operation.myRole];
    };
    // Inside its period but before its creation: as it was created, not as it is now.
    expect(await nameAt(new Date(Date.parse(createdAt) - 1_800_000).toISOString())).toEqual(['As created', 'The objective at first', 'lead']);
    expect(await nameAt(before(renamedAt))).toEqual(['As created', 'The objective at first', 'lead']);
    expect(await nameAt(renamedAt)).toEqual(['Renamed later', 'The objective changed', 'lead']);
  });

  it('puts each team where it was, with its thinned track, hiding positions taken while the team was hidden', async () => {
    const operation = await newOperation();
    const created = await http(t.baseUrl, 'POST', `/api/operations/${operation}/teams`, { token: token.originator, body: { callSign: 'RIVER 1', size: 4, marking: 'TLP:GREEN' } });
    expect(created.status).toBe(201);
    const teamId = created.body.id as string;
    const start = Date.parse((await log(operation)).at(-1)!.at);
    // A position a minute for two hours: minute m at lon 105 + m/1000.
    await db.query(
      `INSERT INTO team_positions (team_id, operation_id, lat, lon, at)
       SELECT $1, $2, 11, 105 + m / 1000.0, $3::timestamptz + m * interval '1 minute' FROM generate_series(0, 119) AS m`,
      [teamId, operation, new Date(start).toISOString()],
    );
    const at = new Date(start + 60 * 60_000 + 30_000).toISOString();
    const snapshot = await snapshotAt(operation, 'observer', at);
    expect(snapshot.body.teams).toHaveLength(1);
    expect(snapshot.body.teams[0]).toMatchObject({ id: teamId, callSign: 'RIVER 1', stale: false, lastPosition: { lat: 11, lon: 105.06 } });

    const to = new Date(start + 120 * 60_000).toISOString();
    const window = await http(t.baseUrl, 'GET', `/api/operations/${operation}/replay?from=${encodeURIComponent(new Date(start).toISOString())}&to=${encodeURIComponent(to)}&points=12`, { token: token.observer });
    expect(window.status).toBe(200);
    const points = window.body.tracks[0].points as { at: string }[];
    expect(points.length).toBeGreaterThanOrEqual(12);
    expect(points.length).toBeLessThanOrEqual(13);
    expect(points.map((p) => p.at)).toEqual([...points.map((p) => p.at)].sort());
    expect(window.body.marks).toEqual([]);

    const wholeWindow = `from=${encodeURIComponent(new Date(start - 60_000).toISOString())}&to=${encodeURIComponent(new Date(start + 180 * 60_000).toISOString())}&points=2000`;
    const observerPoints = async () =>
      ((await http(t.baseUrl, 'GET', `/api/operations/${operation}/replay?${wholeWindow}`, { token: token.observer })).body.tracks as { points: unknown[] }[]).flatMap((track) => track.points).length;
    expect(await observerPoints()).toBe(120);
    // Raise the team to AMBER at minute 90 (as if): the observer loses it and its later positions.
    const raised = await http(t.baseUrl, 'PATCH', `/api/teams/${teamId}`, { token: token.originator, body: { status: 'engaged' } });
    expect(raised.status).toBe(200);
    await db.query(`UPDATE operation_events SET at = $3, marking = 'TLP:AMBER' WHERE operation_id = $1 AND seq = (SELECT max(seq) FROM operation_events WHERE operation_id = $1) AND item_id = $2`, [
      operation,
      teamId,
      new Date(start + 90 * 60_000).toISOString(),
    ]);
    expect(await observerPoints()).toBe(90);
    expect((await snapshotAt(operation, 'observer', new Date(start + 100 * 60_000).toISOString())).body.teams).toEqual([]);
    expect((await snapshotAt(operation, 'participant', new Date(start + 100 * 60_000).toISOString())).body.teams[0]).toMatchObject({ status: 'engaged' });
  });

  it('names a report’s team only to viewers who may see the team, as the live feed does', async () => {
    const operation = await newOperation();
    const team = await http(t.baseUrl, 'POST', `/api/operations/${operation}/teams`, { token: token.originator, body: { callSign: 'QUIET 1', size: 2, marking: 'TLP:AMBER' } });
    const posted = await http(t.baseUrl, 'POST', `/api/operations/${operation}/reports`, {
      token: token.originator,
      body: { clientId: randomUUID(), kind: 'sitrep', title: 'Green report of an amber team', occurredAt: '2026-11-01T00:00:00Z', marking: 'TLP:GREEN', teamId: team.body.id },
    });
    expect(posted.status).toBe(201);
    const at = (await log(operation)).at(-1)!.at;
    const teamIdFor = async (kind: ViewerKind) => ((await snapshotAt(operation, kind, at)).body.reports as Report[])[0].teamId;
    expect(await teamIdFor('participant')).toBe(team.body.id);
    expect(await teamIdFor('observer')).toBeNull();
    const window = await http(t.baseUrl, 'GET', `/api/operations/${operation}/replay?from=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}&to=${encodeURIComponent(new Date().toISOString())}`, { token: token.observer });
    expect(window.body.events.map((e: OperationEvent) => (e.type === 'report.created' ? e.report.teamId : 'other'))).toEqual([null]);
  });

  it('equals applying the events up to the moment, on random event sequences (property)', async () => {
    const kinds: ViewerKind[] = ['originator', 'lead', 'participant', 'observer', 'redRecipient'];
    const items = ['r1', 'r2', 'r3', 't1', 't2'];
    const step = fc.record({
      item: fc.constantFrom(...items),
      marking: fc.constantFrom(...MARKINGS),
      origin: fc.constantFrom<ViewerKind>('originator', 'lead', 'participant'),
      minute: fc.integer({ min: 0, max: 120 }),
      status: fc.constantFrom('reported', 'verified', 'rejected'),
    });
    const base = Date.parse('2026-10-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), fc.integer({ min: -1, max: 121 }), fc.constantFrom(...kinds), async (steps, minute, viewerKind) => {
        const operation = await newOperation();
        const itemIds = new Map(items.map((item) => [item, randomUUID()]));
        const origins = new Map<string, ViewerKind>();
        // Times never go backwards along the log, as in the real one.
        const minutes = steps.map((s) => s.minute).sort((a, b) => a - b);
        const events: OperationEvent[] = steps.map((s, index) => {
          const origin = origins.get(s.item) ?? s.origin; // an item keeps its originator
          const first = !origins.has(s.item);
          origins.set(s.item, origin);
          const at = new Date(base + minutes[index] * 60_000).toISOString();
          const marked = { marking: s.marking, originAgencyId: agency[origin]!, recipientAgencyIds: s.marking === 'TLP:RED' ? [agency.redRecipient!] : [] };
          const common = { operationId: operation, seq: index + 1, at, actor: null, ...marked };
          const id = itemIds.get(s.item)!;
          if (s.item.startsWith('r')) {
            const report = { id, title: `${s.item} ${index}`, status: s.status, receivedAt: at, ...marked } as unknown as Report;
            return { ...common, type: first ? 'report.created' : 'report.updated', report } as OperationEvent;
          }
          const team = { id, callSign: `${s.item} ${index}`, status: 'on_station', lastPosition: null, ...marked } as unknown as Team;
          return { ...common, type: first ? 'team.created' : 'team.updated', team } as OperationEvent;
        });
        for (const event of events) {
          const { type, operationId: _o, seq, at, actor: _a, marking, originAgencyId, recipientAgencyIds, ...payload } = event;
          await db.query(
            `INSERT INTO operation_events (operation_id, seq, type, at, marking, origin_agency_id, recipient_agency_ids, payload) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [operation, seq, type, at, marking, originAgencyId, recipientAgencyIds, payload],
          );
        }
        const at = new Date(base + minute * 60_000).toISOString();
        const expected = replayItems(events, at, { agencyId: agency[viewerKind]!, operationRole: viewerKind === 'lead' ? 'lead' : ROLE[viewerKind as keyof typeof ROLE] });
        const answer = await snapshotAt(operation, viewerKind, at);
        expect(answer.status).toBe(200);
        expect(answer.body.seq).toBe(expected.seq);
        expect(Object.fromEntries((answer.body.reports as Report[]).map((r) => [r.id, [r.title, r.status, r.marking]]))).toEqual(
          Object.fromEntries([...expected.reports.values()].map((r) => [r.id, [r.title, r.status, r.marking]])),
        );
        expect(Object.fromEntries((answer.body.teams as Team[]).map((r) => [r.id, [r.callSign, r.marking]]))).toEqual(
          Object.fromEntries([...expected.teams.values()].map((r) => [r.id, [r.callSign, r.marking]])),
        );
      }),
      { numRuns: 40 },
    );
  });

  describe('authorization', () => {
    const at = encodeURIComponent('2026-11-01T00:00:00Z');
    const window = `from=${encodeURIComponent('2026-10-31T00:00:00Z')}&to=${at}`;
    it.each([
      ['lead commander (own agency)', () => token.lead, 200],
      ['other participant', () => token.participant, 200],
      ['observer', () => token.observer, 200],
      ['field officer', () => fieldToken, 200],
      ['outsider', () => token.outsider, 404],
      ['admin of an outside agency', () => adminToken, 404],
      ['no token', () => undefined, 401],
    ])('%s', async (_name, tokenOf, status) => {
      expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/snapshot?at=${at}`, { token: tokenOf() })).status).toBe(status);
      expect((await http(t.baseUrl, 'GET', `/api/operations/${operationId}/replay?${window}`, { token: tokenOf() })).status).toBe(status);
    });

    it('answers 400 with a code for a bad time or window', async () => {
      for (const path of [
        `/api/operations/${operationId}/snapshot?at=yesterday`,
        `/api/operations/${operationId}/snapshot?at=${at}&extra=1`,
        `/api/operations/${operationId}/replay?from=${at}`,
        `/api/operations/${operationId}/replay?from=${at}&to=${encodeURIComponent('2026-10-01T00:00:00Z')}`,
        `/api/operations/${operationId}/replay?from=${encodeURIComponent('2026-01-01T00:00:00Z')}&to=${at}`,
        `/api/operations/${operationId}/replay?${window}&points=1`,
      ]) {
        const answer = await http(t.baseUrl, 'GET', path, { token: token.lead });
        expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 400, code: 'validation_failed' });
      }
    });
  });
});
