import { describe, expect, it } from 'vitest';
import type { OperationEvent, OperationUpdate } from './events';
import { canView, type MarkedItem } from './marking';
import { applyOperationEvent, EMPTY_REPLAY_BASE, foldReplay, itemIdOf, replayItems, replayWithdrawals } from './replay-state';
import type { Report } from './reports';
import type { Team } from './teams';

const OBSERVER = { agencyId: 'obs', operationRole: 'observer' } as const;

function reportEvent(seq: number, at: string, marking: OperationEvent['marking'], type: 'report.created' | 'report.updated' = 'report.updated'): OperationEvent {
  return { operationId: 'o', seq, at, actor: null, marking, originAgencyId: 'origin', recipientAgencyIds: [], type, report: { id: 'r1', title: `v${seq}`, marking } as Report } as OperationEvent;
}

describe('replayItems', () => {
  it('replays a raise and a release as they happened', () => {
    const events = [reportEvent(1, '2026-11-28T08:00:00.000Z', 'TLP:GREEN', 'report.created'), reportEvent(2, '2026-11-28T09:00:00.000Z', 'TLP:RED'), reportEvent(3, '2026-11-28T10:00:00.000Z', 'TLP:GREEN')];
    const titleAt = (at: string) => replayItems(events, at, OBSERVER).reports.get('r1')?.title ?? null;
    expect(titleAt('2026-11-28T07:59:59.999Z')).toBeNull();
    expect(titleAt('2026-11-28T08:30:00.000Z')).toBe('v1');
    // Raised: gone, and not replaced by the older visible version.
    expect(titleAt('2026-11-28T09:00:00.000Z')).toBeNull();
    expect(titleAt('2026-11-28T10:00:00.000Z')).toBe('v3');
    expect(replayItems(events, '2026-11-28T09:30:00.000Z', OBSERVER).seq).toBe(2);
  });
});

describe('applyOperationEvent', () => {
  it('adds and removes participants and sites', () => {
    const base = { operationId: 'o', seq: 1, at: '', actor: null, marking: 'TLP:GREEN' as const, originAgencyId: 'a', recipientAgencyIds: [] as string[] };
    let operation = { participants: [], sites: [] } as never as Parameters<typeof applyOperationEvent>[0];
    operation = applyOperationEvent(operation, { ...base, type: 'operation.participant_added', participant: { agency: { id: 'b', code: 'B', name: 'B' }, role: 'observer' } });
    operation = applyOperationEvent(operation, { ...base, type: 'operation.site_attached', site: { id: 's1' } as never });
    expect(operation.participants.map((p) => p.agency.id)).toEqual(['b']);
    operation = applyOperationEvent(operation, { ...base, type: 'operation.participant_removed', agencyId: 'b' });
    operation = applyOperationEvent(operation, { ...base, type: 'operation.site_detached', siteId: 's1' });
    expect(operation).toEqual({ participants: [], sites: [] });
  });
});

describe('foldReplay from a base, with withdrawals (the player between two answers)', () => {
  const MARKS: OperationEvent['marking'][] = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];
  const VIEWERS = [OBSERVER, { agencyId: 'partner', operationRole: 'participant' }, { agencyId: 'lead', operationRole: 'lead' }, { agencyId: 'origin', operationRole: 'participant' }] as const;
  const T0 = Date.parse('2026-11-28T00:00:00.000Z');

  /** A small deterministic generator: the property runs over many seeds and stays reproducible. */
  function random(seed: number) {
    let state = seed;
    return (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % n;
    };
  }

  function randomLog(seed: number): OperationEvent[] {
    const pick = random(seed);
    const events: OperationEvent[] = [];
    let at = T0;
    for (let seq = 1; seq <= 60; seq++) {
      at += pick(5) * 60_000; // several events may share a moment
      const marking = MARKS[pick(MARKS.length)];
      const originAgencyId = ['origin', 'lead', 'partner'][pick(3)];
      const recipientAgencyIds = pick(3) === 0 ? ['obs'] : [];
      const base = { operationId: 'o', seq, at: new Date(at).toISOString(), actor: null, marking, originAgencyId, recipientAgencyIds };
      const id = `i${pick(8)}`;
      const seen = events.some((event) => itemIdOf(event) === id);
      if (pick(2) === 0) events.push({ ...base, type: seen ? 'report.updated' : 'report.created', report: { id: `r${id}`, title: `v${seq}`, marking } as Report } as OperationEvent);
      else events.push({ ...base, type: seen ? 'team.updated' : 'team.created', team: { id: `t${id}`, callSign: `v${seq}`, marking } as Team } as OperationEvent);
    }
    return events;
  }

  it('state at T equals the fold of every event up to T, from any earlier base (random logs, moments and viewers)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const events = randomLog(seed);
      const pick = random(seed * 7);
      const last = Date.parse(events.at(-1)!.at);
      const s = T0 + pick(last - T0 + 1);
      const t = s + pick(last - s + 60_001);
      const viewer = VIEWERS[pick(VIEWERS.length)];
      const base = foldReplay(EMPTY_REPLAY_BASE, events, s, viewer);
      // What the server's window gives this viewer: the visible events after s, and the withdrawals.
      const inWindow = events.filter((event) => Date.parse(event.at) > s);
      const visible = inWindow.filter((event) => canView(event, viewer));
      const previous = new Map<string, MarkedItem>();
      for (const event of events) if (Date.parse(event.at) <= s) previous.set(itemIdOf(event)!, event);
      const withdrawals = replayWithdrawals(
        previous,
        inWindow.map((event) => ({ ...event, itemId: itemIdOf(event)! })),
        viewer,
      );
      const folded = foldReplay(base, visible, t, viewer, withdrawals);
      const expected = replayItems(events, new Date(t).toISOString(), viewer);
      expect([...folded.reports.entries()].sort(), `seed ${seed}`).toEqual([...expected.reports.entries()].sort());
      expect([...folded.teams.entries()].sort(), `seed ${seed}`).toEqual([...expected.teams.entries()].sort());
      // The newest seq the viewer was given: at most the log's (hidden events after it are not known).
      expect(folded.seq).toBeLessThanOrEqual(expected.seq);
    }
  });

  /** The log of `randomLog` with times jittered out of seq order (a transaction that took its seq early and its time late), and operation events. */
  function disorderedLog(seed: number): OperationEvent[] {
    const pick = random(seed * 13);
    const operation = { name: 'o', participants: [], sites: [] } as never as OperationUpdate;
    const agency = (id: string) => ({ agency: { id, code: id, name: id }, role: 'participant' as const });
    return randomLog(seed).map((event) => {
      const at = new Date(Date.parse(event.at) + (pick(3) === 0 ? pick(7) * 60_000 : 0)).toISOString();
      const kind = pick(6);
      if (kind === 0) return { ...event, at, type: 'operation.participant_added', participant: agency(`a${pick(3)}`) } as OperationEvent;
      if (kind === 1) return { ...event, at, type: 'operation.participant_removed', agencyId: `a${pick(3)}` } as OperationEvent;
      if (kind === 2) return { ...event, at, type: 'operation.updated', operation: { ...operation, name: `v${event.seq}`, participants: pick(2) ? [agency(`a${pick(3)}`)] : [] } } as OperationEvent;
      return { ...event, at };
    });
  }

  it('applies events by seq when their times are out of seq order, folding moment after moment (random logs, viewers)', () => {
    const lead = { agencyId: 'lead', operationRole: 'lead' } as const;
    for (let seed = 1; seed <= 100; seed++) {
      const events = disorderedLog(seed);
      // Not all in time order: the property needs events whose time comes after a later seq's.
      const times = events.map((event) => Date.parse(event.at));
      const viewer = seed % 2 ? lead : VIEWERS[seed % VIEWERS.length];
      const pick = random(seed * 11);
      const last = Math.max(...times);
      // The player's way: each moment folded on from the one before (forward); the reference folds every event up to the moment by seq.
      const start = { ...EMPTY_REPLAY_BASE, operation: { name: 'o', participants: [], sites: [] } as never as OperationUpdate };
      let state = foldReplay({ ...start, at: T0 - 1 }, events, T0 - 1, viewer);
      for (let moment = T0; moment <= last + 60_000; moment += pick(8) * 60_000 + 30_000) {
        state = foldReplay(state, events, moment, viewer);
        const expected = foldReplay(start, events, moment, viewer);
        expect([...state.reports.entries()].sort(), `seed ${seed} at ${moment}`).toEqual([...expected.reports.entries()].sort());
        expect([...state.teams.entries()].sort(), `seed ${seed} at ${moment}`).toEqual([...expected.teams.entries()].sort());
        const participants = (folded: typeof state) => folded.operation?.participants.map((p) => p.agency.id).sort() ?? null;
        expect(participants(state), `seed ${seed} at ${moment}`).toEqual(participants(expected));
        expect(state.operation?.name, `seed ${seed} at ${moment}`).toBe(expected.operation?.name);
      }
    }
    // The logs do hold disorder: some event's time is after a later seq's.
    expect([1, 2, 3].some((seed) => disorderedLog(seed).some((event, index, log) => index > 0 && Date.parse(event.at) < Date.parse(log[index - 1].at)))).toBe(true);
  }, 60_000);

  it('does not let an older event (by seq) whose time comes later undo a newer one', () => {
    const newer = reportEvent(6, '2026-11-28T08:00:00.000Z', 'TLP:RED');
    const older = reportEvent(5, '2026-11-28T08:00:00.100Z', 'TLP:GREEN', 'report.created');
    const before = foldReplay({ ...EMPTY_REPLAY_BASE, at: Date.parse('2026-11-28T07:00:00.000Z') }, [older, newer], '2026-11-28T08:00:00.050Z', OBSERVER);
    expect(before.reports.has('r1')).toBe(false);
    // From that moment on: the raise (seq 6) decides, the creation that took its seq before it (5) comes too late.
    expect(foldReplay(before, [older, newer], '2026-11-28T09:00:00.000Z', OBSERVER).reports.has('r1')).toBe(false);
    expect(foldReplay(EMPTY_REPLAY_BASE, [older, newer], '2026-11-28T09:00:00.000Z', OBSERVER).reports.has('r1')).toBe(false);
  });

  it('keeps the identity of what did not change', () => {
    const events = [reportEvent(1, '2026-11-28T08:00:00.000Z', 'TLP:GREEN', 'report.created')];
    const base = foldReplay(EMPTY_REPLAY_BASE, events, '2026-11-28T08:00:00.000Z', OBSERVER);
    const later = foldReplay(base, events, '2026-11-28T09:00:00.000Z', OBSERVER);
    expect(later.reports).toBe(base.reports);
    expect(later.teams).toBe(base.teams);
  });

  it('folds an event whose time comes after a later seq\'s when its time comes (from a base at a moment)', () => {
    const late = reportEvent(5, '2026-11-28T09:00:00.000Z', 'TLP:GREEN', 'report.created');
    const early = { ...reportEvent(6, '2026-11-28T08:00:00.000Z', 'TLP:GREEN', 'report.created'), report: { id: 'r2', title: 'v6', marking: 'TLP:GREEN' } as Report } as OperationEvent;
    const base = foldReplay(EMPTY_REPLAY_BASE, [late, early], '2026-11-28T08:30:00.000Z', OBSERVER);
    expect([...base.reports.keys()]).toEqual(['r2']);
    const later = foldReplay(base, [late, early], '2026-11-28T09:30:00.000Z', OBSERVER);
    expect([...later.reports.keys()].sort()).toEqual(['r1', 'r2']);
  });

  it('names a withdrawn item only when the viewer saw it', () => {
    const stub = (seq: number, marking: OperationEvent['marking'], itemId = 'r1') => ({ itemId, seq, at: `2026-11-28T0${seq}:00:00.000Z`, marking, originAgencyId: 'origin', recipientAgencyIds: [] });
    expect(replayWithdrawals(new Map(), [stub(1, 'TLP:GREEN'), stub(2, 'TLP:RED'), stub(3, 'TLP:RED'), stub(4, 'TLP:RED', 'r2')], OBSERVER)).toEqual([{ itemId: 'r1', seq: 2, at: '2026-11-28T02:00:00.000Z' }]);
    expect(replayWithdrawals(new Map([['r1', stub(0, 'TLP:GREEN')]]), [stub(2, 'TLP:AMBER')], OBSERVER)).toHaveLength(1);
  });

  it('folds the operation\'s own events onto the base operation', () => {
    const operation = { name: 'Before', participants: [], sites: [] } as never as OperationUpdate;
    const renamed = { operationId: 'o', seq: 2, at: '2026-11-28T09:00:00.000Z', actor: null, marking: 'TLP:GREEN', originAgencyId: 'lead', recipientAgencyIds: [], type: 'operation.updated', operation: { ...operation, name: 'After' } } as OperationEvent;
    const base = { ...EMPTY_REPLAY_BASE, seq: 1, operation, at: Date.parse('2026-11-28T08:00:00.000Z') };
    expect(foldReplay(base, [renamed], '2026-11-28T08:59:59.999Z', OBSERVER).operation?.name).toBe('Before');
    expect(foldReplay(base, [renamed], '2026-11-28T09:00:00.000Z', OBSERVER).operation?.name).toBe('After');
  });
});
