import { describe, expect, it } from 'vitest';
import { eventOf, KH, operation, position, report, snapshot, team, VN } from '../test-support/fixtures';
import { initialOperationState, operationReducer, type OperationState, TIMELINE_LIMIT, TRAIL_POINTS } from './operation-state';

const AT = 1_764_300_000_000;

function loaded(overrides: Parameters<typeof snapshot>[0] = {}): OperationState {
  return operationReducer(initialOperationState, { type: 'snapshot', snapshot: snapshot(overrides), at: AT });
}

describe('operationReducer', () => {
  it('loads a snapshot: items keyed by id, the seq to resume from, a trail started at each known position', () => {
    const kilo = team({ lastPosition: position('t', '2026-11-28T06:00:00Z') });
    const state = loaded({ reports: [report({ id: 'r1' }), report({ id: 'r2' })], teams: [kilo], seq: 42 });
    expect([...state.reports.keys()]).toEqual(['r1', 'r2']);
    expect(state.teams.get(kilo.id)?.callSign).toBe(kilo.callSign);
    expect(state.lastSeq).toBe(42);
    expect(state.trails.get(kilo.id)).toEqual([{ lat: 11, lon: 106, at: '2026-11-28T06:00:00Z' }]);
  });

  it('keeps the lessons a live operation.lessons_saved brings, with a timeline line', () => {
    const lessons = { operationId: 'o', marking: 'TLP:AMBER' as const, items: [{ lesson: 'Patrol earlier', action: '', owner: '', dueDate: null }], updatedAt: '2026-11-28T07:00:00Z', updatedBy: 'u' };
    const state = operationReducer(loaded({ seq: 10 }), { type: 'batch', events: [eventOf(11, { type: 'operation.lessons_saved', lessons })], positions: [], at: AT + 1000 });
    expect(state.lessons).toEqual(lessons);
    expect(state.timeline[0]?.kind).toBe('operation.lessons_saved');
  });

  it('applies a created and then a verified report, and the timeline says which', () => {
    let state = loaded({ seq: 10 });
    const created = report({ id: 'r1', title: 'Boat stopped', version: 11 });
    const verified = { ...created, status: 'verified' as const, version: 12, statusAt: '2026-11-28T07:00:01Z' };
    state = operationReducer(state, {
      type: 'batch',
      events: [eventOf(11, { type: 'report.created', report: created }), eventOf(12, { type: 'report.updated', report: verified })],
      positions: [],
      at: AT + 1000,
    });
    expect(state.reports.get('r1')?.status).toBe('verified');
    expect(state.lastSeq).toBe(12);
    expect(state.lastUpdateAt).toBe(AT + 1000);
    expect(state.timeline.map((entry) => [entry.seq, entry.kind, entry.subject])).toEqual([
      [12, 'report.verified', 'Boat stopped'],
      [11, 'report.created', 'Boat stopped'],
    ]);
  });

  it('says "verified" on the acting commander’s page too, where the verdict was stored from its own answer before the event came', () => {
    const created = report({ id: 'r1', title: 'Boat stopped', version: 11 });
    let state = loaded({ reports: [created], seq: 11 });
    const at = '2026-11-28T07:00:01Z';
    const verified = { ...created, status: 'verified' as const, version: 12, statusAt: at };
    state = operationReducer(state, { type: 'reports-loaded', reports: [verified] });
    state = operationReducer(state, { type: 'batch', events: [{ ...eventOf(12, { type: 'report.updated', report: verified }), at }], positions: [], at: AT });
    expect(state.timeline.map((entry) => [entry.seq, entry.kind])).toEqual([[12, 'report.verified']]);
  });

  it('ignores events at or below the last applied seq (a resubscribe may deliver one twice) and sorts a batch by seq', () => {
    let state = loaded({ seq: 10 });
    const first = report({ id: 'r1', title: 'first', version: 12 });
    const amended = { ...first, title: 'amended', version: 13 };
    state = operationReducer(state, {
      type: 'batch',
      events: [eventOf(13, { type: 'report.updated', report: amended }), eventOf(12, { type: 'report.created', report: first }), eventOf(9, { type: 'report.created', report: report({ id: 'old' }) })],
      positions: [],
      at: AT,
    });
    expect(state.reports.get('r1')?.title).toBe('amended');
    expect(state.reports.has('old')).toBe(false);
    const again = operationReducer(state, { type: 'batch', events: [eventOf(13, { type: 'report.updated', report: amended })], positions: [], at: AT + 5 });
    expect(again).toBe(state);
  });

  it('takes an operation.updated but keeps its own role in the operation (the event does not carry the reader’s)', () => {
    let state = loaded({ operation: operation({ myRole: 'observer', name: 'Before' }), seq: 10 });
    const { myRole: _role, ...update } = operation({ name: 'After' });
    state = operationReducer(state, { type: 'batch', events: [eventOf(11, { type: 'operation.updated', operation: update })], positions: [], at: AT });
    expect(state.operation).toMatchObject({ name: 'After', myRole: 'observer' });
  });

  it('keeps the newer copy of a report when older pages arrive after live updates', () => {
    let state = loaded({ reports: [report({ id: 'r1', title: 'live', version: 30 })], seq: 30 });
    state = operationReducer(state, { type: 'reports-loaded', reports: [report({ id: 'r1', title: 'stale page', version: 20 }), report({ id: 'r0', version: 5 })] });
    expect(state.reports.get('r1')?.title).toBe('live');
    expect(state.reports.has('r0')).toBe(true);
  });

  it('moves a team with a newer position, ignores an older one, and keeps a short trail', () => {
    const kilo = team({ id: 'k', lastPosition: position('k', '2026-11-28T06:00:00Z', 11, 106) });
    let state = loaded({ teams: [kilo] });
    state = operationReducer(state, { type: 'batch', events: [], positions: [position('k', '2026-11-28T06:00:10Z', 11.01, 106.01)], at: AT });
    expect(state.teams.get('k')?.lastPosition?.lat).toBe(11.01);
    expect(state.teams.get('k')?.stale).toBe(false);
    const before = state;
    state = operationReducer(state, { type: 'batch', events: [], positions: [position('k', '2026-11-28T06:00:05Z', 12, 107)], at: AT });
    expect(state).toBe(before);

    for (let i = 1; i <= 20; i++) {
      state = operationReducer(state, { type: 'batch', events: [], positions: [position('k', `2026-11-28T06:01:${String(i).padStart(2, '0')}Z`, 11 + i / 100, 106)], at: AT });
    }
    const trail = state.trails.get('k')!;
    expect(trail).toHaveLength(TRAIL_POINTS);
    expect(trail[trail.length - 1].at).toBe('2026-11-28T06:01:20Z');
  });

  it('ignores positions of teams this viewer cannot see', () => {
    const state = loaded({ teams: [] });
    expect(operationReducer(state, { type: 'batch', events: [], positions: [position('ghost', '2026-11-28T06:00:10Z')], at: AT })).toBe(state);
  });

  it('does not let a team event carry an older position over a newer live one', () => {
    const kilo = team({ id: 'k', status: 'on_station', lastPosition: position('k', '2026-11-28T06:00:00Z') });
    let state = loaded({ teams: [kilo], seq: 5 });
    state = operationReducer(state, { type: 'batch', events: [], positions: [position('k', '2026-11-28T06:10:00Z', 12, 107)], at: AT });
    state = operationReducer(state, { type: 'batch', events: [eventOf(6, { type: 'team.updated', team: { ...kilo, status: 'engaged' } })], positions: [], at: AT });
    expect(state.teams.get('k')?.status).toBe('engaged');
    expect(state.teams.get('k')?.lastPosition?.lat).toBe(12);
    expect(state.timeline[0]).toMatchObject({ kind: 'team.status', teamStatus: 'engaged' });
  });

  it('follows the operation: participants and sites added and removed', () => {
    let state = loaded({ seq: 1 });
    const site = { id: 's1', code: 'kh-bavet', name: 'Bavet', kind: 'land' as const, country: 'KH', counterpart: 'VN', lat: 11.07, lon: 106.17, retired: false };
    state = operationReducer(state, {
      type: 'batch',
      events: [
        eventOf(2, { type: 'operation.site_attached', site }),
        eventOf(3, { type: 'operation.participant_removed', agencyId: VN.id }),
      ],
      positions: [],
      at: AT,
    });
    expect(state.operation?.sites.map((s) => s.name)).toEqual(['Bavet']);
    expect(state.operation?.participants.map((p) => p.agency.code)).toEqual(['KH-GDI', 'ID-DGI']);
  });

  it('caps the timeline', () => {
    let state = loaded({ seq: 0 });
    const events = Array.from({ length: TIMELINE_LIMIT + 50 }, (_, i) => eventOf(i + 1, { type: 'report.created', report: report({ id: `r${i}`, version: i + 1 }) }));
    state = operationReducer(state, { type: 'batch', events, positions: [], at: AT });
    expect(state.timeline).toHaveLength(TIMELINE_LIMIT);
    expect(state.timeline[0].seq).toBe(TIMELINE_LIMIT + 50);
  });

  it('builds the timeline history from the log, telling a verdict from an amendment, up to the snapshot seq only', () => {
    const created = report({ id: 'r1', title: 'Group at Xa Mat', originAgency: VN });
    const rejected = { ...created, status: 'rejected' as const, statusReason: 'farm workers', statusAt: '2026-11-28T07:05:00Z' };
    let state = loaded({ seq: 3 });
    state = operationReducer(state, {
      type: 'history-loaded',
      events: [
        eventOf(1, { type: 'report.created', report: created }),
        eventOf(2, { type: 'report.updated', report: rejected }, { at: '2026-11-28T07:05:00Z' }),
        eventOf(4, { type: 'report.created', report: report({ id: 'later' }) }),
      ],
    });
    expect(state.timeline.map((entry) => [entry.seq, entry.kind, entry.reason ?? null])).toEqual([
      [2, 'report.rejected', 'farm workers'],
      [1, 'report.created', null],
    ]);
  });

  it('counts events while catching up and goes live when caught up; a revoked view stays revoked', () => {
    let state = loaded({ seq: 1 });
    state = operationReducer(state, { type: 'connection', status: 'catching-up' });
    state = operationReducer(state, {
      type: 'batch',
      events: [eventOf(2, { type: 'report.created', report: report({ originAgency: KH }) }), eventOf(3, { type: 'report.created', report: report() })],
      positions: [],
      at: AT,
    });
    expect(state.connection).toMatchObject({ status: 'catching-up', catchUpCount: 2 });
    state = operationReducer(state, { type: 'caught-up' });
    expect(state.connection.status).toBe('live');
    state = operationReducer(state, { type: 'connection', status: 'revoked', message: 'removed' });
    state = operationReducer(state, { type: 'connection', status: 'reconnecting' });
    expect(state.connection).toMatchObject({ status: 'revoked', message: 'removed' });
  });
});
