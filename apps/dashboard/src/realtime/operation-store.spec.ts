import { describe, expect, it, vi } from 'vitest';
import { eventOf, position, report, snapshot, team } from '../test-support/fixtures';
import { OperationStore, POSITION_INTERVAL_MS } from './operation-store';

function manualFrames() {
  const pending: Array<() => void> = [];
  return {
    schedule: (flush: () => void) => {
      pending.push(flush);
      return () => pending.splice(pending.indexOf(flush), 1);
    },
    runFrame: () => pending.splice(0).forEach((flush) => flush()),
    pending,
  };
}

describe('OperationStore', () => {
  it('applies a burst of live messages in one frame: one state change, one notification', () => {
    const frames = manualFrames();
    const store = new OperationStore({ schedule: frames.schedule, now: () => 1 });
    const kilo = team({ id: 'k' });
    store.dispatch({ type: 'snapshot', snapshot: snapshot({ teams: [kilo], seq: 0 }), at: 0 });
    const listener = vi.fn();
    store.subscribe(listener);

    for (let i = 1; i <= 300; i++) store.enqueueEvent(eventOf(i, { type: 'report.created', report: report({ id: `r${i}`, version: i }) }));
    for (let s = 10; s < 60; s++) store.enqueuePositions([position('k', `2026-11-28T06:00:${s}Z`)]);
    expect(frames.pending).toHaveLength(1);
    expect(listener).not.toHaveBeenCalled();

    frames.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState().reports.size).toBe(300);
    expect(store.getState().lastSeq).toBe(300);
    expect(store.getState().teams.get('k')?.lastPosition?.at).toBe('2026-11-28T06:00:59Z');
  });

  it('applies what is queued before a later action, so the order of the feed is kept', () => {
    const frames = manualFrames();
    const store = new OperationStore({ schedule: frames.schedule });
    store.dispatch({ type: 'snapshot', snapshot: snapshot({ seq: 0 }), at: 0 });
    store.dispatch({ type: 'connection', status: 'catching-up' });
    store.enqueueEvent(eventOf(1, { type: 'report.created', report: report({ id: 'r1' }) }));
    store.dispatch({ type: 'caught-up' });
    expect(store.getState().reports.has('r1')).toBe(true);
    expect(store.getState().connection).toMatchObject({ status: 'live', catchUpCount: 1 });
    expect(frames.pending).toHaveLength(0);
  });

  it('applies positions at most every POSITION_INTERVAL_MS, but an event at the next frame', () => {
    vi.useFakeTimers();
    try {
      const frames = manualFrames();
      let now = 1_000;
      const store = new OperationStore({ schedule: frames.schedule, now: () => now });
      store.dispatch({ type: 'snapshot', snapshot: snapshot({ teams: [team({ id: 'k' })], seq: 0 }), at: 0 });
      store.enqueuePositions([position('k', '2026-11-28T06:00:01Z')]);
      frames.runFrame(); // the first positions go at once
      expect(store.getState().teams.get('k')?.lastPosition?.at).toBe('2026-11-28T06:00:01Z');

      now += 50;
      store.enqueuePositions([position('k', '2026-11-28T06:00:02Z')]);
      expect(frames.pending).toHaveLength(0); // waiting out the interval
      vi.advanceTimersByTime(POSITION_INTERVAL_MS - 60);
      expect(frames.pending).toHaveLength(0);

      store.enqueueEvent(eventOf(1, { type: 'report.created', report: report({ id: 'r1' }) }));
      expect(frames.pending).toHaveLength(1); // an event does not wait
      frames.runFrame();
      expect(store.getState().reports.has('r1')).toBe(true);
      expect(store.getState().teams.get('k')?.lastPosition?.at).toBe('2026-11-28T06:00:02Z'); // went along with it
      vi.advanceTimersByTime(1_000);
      expect(frames.pending).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not notify when nothing changed', () => {
    const store = new OperationStore({ schedule: manualFrames().schedule });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'caught-up' });
    expect(listener).not.toHaveBeenCalled();
  });
});
