import { replayItems, type Operation, type OperationEvent, type Report, type ReplayWindow, type Team } from '@lintas/contracts';
import { describe, expect, it } from 'vitest';
import { KEYFRAME_EVENTS } from './replay-keyframes';
import { type ReplayEarlier, ReplayPicture } from './replay-picture';
import { chainedBase, type ReplaySpan, spanOf } from './replay-spans';
import { DETAIL_MS, DETAIL_STEP_MS, detailPoints, detailWhenIdle, nextDetail } from './use-replay-spans';

const T0 = Date.parse('2026-11-28T08:00:00.000Z');
const MINUTE = 60_000;
const iso = (minutes: number) => new Date(T0 + minutes * MINUTE).toISOString();
const connection = { status: 'live' as const, catchUpCount: 0, message: null };
const LEAD = { agencyId: 'lead', operationRole: 'lead' } as const;
const operation = { id: 'o', name: 'Mekong gate', myRole: 'lead', participants: [], sites: [] } as unknown as Operation;

function event(seq: number, minutes: number, data: Partial<OperationEvent>): OperationEvent {
  return { operationId: 'o', seq, at: iso(minutes), actor: null, marking: 'TLP:GREEN', originAgencyId: 'lead', recipientAgencyIds: [], ...data } as OperationEvent;
}
const report = (seq: number, minutes: number, id: string, title: string) => event(seq, minutes, { type: seq === 1 || !title.startsWith('v') ? 'report.created' : 'report.updated', report: { id, title, marking: 'TLP:GREEN' } as Report } as Partial<OperationEvent>);
const team = { id: 't1', callSign: 'BAVET 1', marking: 'TLP:GREEN', lastPosition: null, stale: true } as unknown as Team;

/** A window of the server: events and one team's track, a point every 10 minutes. */
function windowOf(from: number, to: number, events: OperationEvent[]): ReplayWindow {
  const points = [];
  for (let minutes = from; minutes <= to; minutes += 10) points.push({ lat: 11, lon: 106 + minutes / 1000, at: iso(minutes) });
  return { from: iso(from), to: iso(to), events, truncated: false, withdrawals: [], marks: [], tracks: [{ teamId: 't1', points }] };
}

function overview(events: OperationEvent[], withdrawals: ReplayWindow['withdrawals'] = []): ReplaySpan {
  const span = spanOf({ ...windowOf(0, 240, events), withdrawals }, 24);
  return { ...span, base: { operation, reports: new Map(), teams: new Map([['t1', team]]), seq: 0, at: T0 } };
}

describe('ReplayPicture (the windowed replay store)', () => {
  const events = [report(1, 10, 'r1', 'first'), report(2, 20, 'r2', 'second'), report(3, 30, 'r1', 'v3'), event(4, 40, { type: 'operation.updated', operation: { ...operation, name: 'Renamed' } } as Partial<OperationEvent>)];

  it('draws any moment of the loaded window from its events, as the fold of every event up to it does', () => {
    const spans = [overview(events)];
    const picture = new ReplayPicture(LEAD);
    for (const minutes of [5, 35, 15, 25, 45, 0, 240]) {
      const state = picture.stateAt(spans, T0 + minutes * MINUTE, connection)!;
      const expected = replayItems(events, iso(minutes), LEAD);
      expect([...state.reports.values()].map((r) => r.title).sort(), `at +${minutes} min`).toEqual([...expected.reports.values()].map((r) => r.title).sort());
      expect(state.operation?.name).toBe(minutes >= 40 ? 'Renamed' : 'Mekong gate');
      // The reader's role stays the snapshot's (the event carries none).
      expect(state.operation?.myRole).toBe('lead');
      // The team where its track was: the newest point at or before the moment.
      expect(state.teams.get('t1')?.lastPosition?.at).toBe(iso(Math.floor(minutes / 10) * 10));
    }
  });

  it('keeps the identity of what did not change from one moment to the next', () => {
    const spans = [overview(events)];
    const picture = new ReplayPicture(LEAD);
    const a = picture.stateAt(spans, T0 + 21 * MINUTE, connection)!;
    const b = picture.stateAt(spans, T0 + 22 * MINUTE, connection)!;
    // Nothing happened between them: the very same state.
    expect(b).toBe(a);
    const c = picture.stateAt(spans, T0 + 31 * MINUTE, connection)!;
    expect(c.reports).not.toBe(a.reports);
    expect(c.reports.get('r2')).toBe(a.reports.get('r2')); // unchanged report, same object
    expect(c.teams.get('t1')).not.toBe(a.teams.get('t1')); // moved on along its track
    const d = picture.stateAt(spans, T0 + 32 * MINUTE, connection)!;
    expect(d.teams).toBe(c.teams);
    expect(d.reports).toBe(c.reports);
    expect(d.operation).toBe(c.operation);
  });

  it('removes a withdrawn item from the moment of its withdrawal', () => {
    const spans = [overview(events, [{ itemId: 'r2', seq: 5, at: iso(50) }])];
    const picture = new ReplayPicture(LEAD);
    expect(picture.stateAt(spans, T0 + 49 * MINUTE, connection)!.reports.has('r2')).toBe(true);
    expect(picture.stateAt(spans, T0 + 50 * MINUTE, connection)!.reports.has('r2')).toBe(false);
    expect(picture.stateAt(spans, T0 + 45 * MINUTE, connection)!.reports.has('r2')).toBe(true);
  });

  it('holds the reports and the timeline while told to (play), and moves the teams on', () => {
    const spans = [overview(events)];
    const picture = new ReplayPicture(LEAD);
    const a = picture.stateAt(spans, T0 + 15 * MINUTE, connection)!;
    const b = picture.stateAt(spans, T0 + 25 * MINUTE, connection, true)!;
    expect(b.reports).toBe(a.reports);
    expect(b.timeline).toBe(a.timeline);
    expect(b.teams.get('t1')?.lastPosition?.at).toBe(iso(20));
    expect(picture.stateAt(spans, T0 + 25 * MINUTE, connection)!.reports.size).toBe(2);
  });

  it('answers null for a moment no span holds, and a chained base continues where a span ends', () => {
    const first = overview(events);
    const later = spanOf(windowOf(240, 300, [report(6, 250, 'r3', 'third')]), 6);
    const picture = new ReplayPicture(LEAD);
    expect(picture.stateAt([first, later], T0 + 260 * MINUTE, connection)).toBeNull();
    const chained = { ...later, base: chainedBase(first, LEAD) };
    const state = picture.stateAt([first, chained], T0 + 260 * MINUTE, connection)!;
    expect([...state.reports.keys()].sort()).toEqual(['r1', 'r2', 'r3']);
    expect(state.operation?.name).toBe('Renamed');
    expect(state.teams.get('t1')?.lastPosition?.at).toBe(iso(260));
  });
});

describe('ReplayPicture over many events (keyframes, out of order, the timeline further back)', () => {
  // Several keyframes' worth of events over 4 hours, 40 reports updated again and again; some take their seq before an earlier-timed one (out of order).
  const many: OperationEvent[] = [];
  for (let seq = 1; seq <= KEYFRAME_EVENTS * 3 + 17; seq++) {
    const minutes = (seq * 240) / (KEYFRAME_EVENTS * 3 + 20) + (seq % 7 === 0 ? 0.05 : 0);
    const id = `r${seq % 40}`;
    many.push(event(seq, minutes, { type: seq <= 40 ? 'report.created' : 'report.updated', report: { id, title: `v${seq}`, marking: seq % 11 === 0 ? 'TLP:RED' : 'TLP:GREEN', version: seq } as Report, marking: seq % 11 === 0 ? 'TLP:RED' : 'TLP:GREEN', originAgencyId: 'origin' } as Partial<OperationEvent>));
  }
  const OBSERVER = { agencyId: 'obs', operationRole: 'observer' } as const;

  it('draws moments in any order (jumps back and forth across keyframes) as the fold of every event up to them, by seq', () => {
    const spans = [overview(many)];
    for (const viewer of [LEAD, OBSERVER]) {
      const picture = new ReplayPicture(viewer);
      for (const minutes of [230, 3, 120.02, 119.99, 60, 200, 200.5, 1, 240, 90.05, 45]) {
        const state = picture.stateAt(spans, T0 + minutes * MINUTE, connection)!;
        const expected = replayItems(many, new Date(T0 + minutes * MINUTE).toISOString(), viewer);
        expect([...state.reports.values()].map((r) => r.title).sort(), `at +${minutes} min`).toEqual([...expected.reports.values()].map((r) => r.title).sort());
      }
    }
  });

  it('applies events that arrive out of order within a window by seq (the later seq decides, whatever came last in time)', () => {
    const created = report(1, 10, 'r1', 'first');
    const raised = event(3, 20, { type: 'report.updated', report: { id: 'r1', title: 'raised', marking: 'TLP:RED', version: 3 } as Report, marking: 'TLP:RED', originAgencyId: 'origin' } as Partial<OperationEvent>);
    // Took its seq (2) before the raise but its time after it: it arrives last, yet the raise decides.
    const amended = event(2, 21, { type: 'report.updated', report: { id: 'r1', title: 'amended', marking: 'TLP:GREEN', version: 2 } as Report, originAgencyId: 'origin' } as Partial<OperationEvent>);
    const spans = [overview([created, raised, amended])];
    const picture = new ReplayPicture(OBSERVER);
    expect(picture.stateAt(spans, T0 + 15 * MINUTE, connection)!.reports.get('r1')?.title).toBe('first');
    expect(picture.stateAt(spans, T0 + 20 * MINUTE, connection)!.reports.has('r1')).toBe(false);
    expect(picture.stateAt(spans, T0 + 25 * MINUTE, connection)!.reports.has('r1')).toBe(false);
    // Its originator sees the raised report: the raise, not the amendment that came after it in time.
    expect(new ReplayPicture({ agencyId: 'origin', operationRole: 'participant' }).stateAt(spans, T0 + 25 * MINUTE, connection)!.reports.get('r1')?.title).toBe('raised');
  });

  it('shows the timeline up to the moment, then the older lines read from the log before the span', () => {
    // A detail window with its own base at +120 min: its lines begin there.
    const window = { ...spanOf(windowOf(120, 240, many.filter((e) => Date.parse(e.at) > T0 + 120 * MINUTE)), 120) };
    const seqAtStart = Math.max(...many.filter((e) => Date.parse(e.at) <= T0 + 120 * MINUTE).map((e) => e.seq));
    const span = { ...window, base: { operation, reports: new Map(), teams: new Map(), seq: seqAtStart, at: T0 + 120 * MINUTE } };
    const picture = new ReplayPicture(LEAD);
    const at = T0 + 130 * MINUTE;
    picture.setTimelineReach(10_000, { periodStart: T0, entries: [], oldestSeq: null, complete: false });
    const own = picture.stateAt([span], at, connection)!.timeline;
    expect(own.every((entry) => Date.parse(entry.at) > T0 + 120 * MINUTE && Date.parse(entry.at) <= at)).toBe(true);
    // More is wanted: the log is read backwards from the span's first seq.
    expect(picture.timelineBefore).toBe(seqAtStart + 1);
    const older = many.filter((e) => e.seq <= seqAtStart && e.seq > seqAtStart - 50).reverse();
    const earlier: ReplayEarlier = { periodStart: T0, entries: older.map((e) => ({ seq: e.seq, at: e.at, kind: 'report.amended', marking: e.marking, originAgencyId: 'origin', subject: 'x' })), oldestSeq: seqAtStart - 49, complete: false };
    picture.setTimelineReach(10_000, earlier);
    const timeline = picture.stateAt([span], at + 1000, connection)!.timeline;
    expect(timeline.slice(0, own.length).map((entry) => entry.seq)).toEqual(own.map((entry) => entry.seq));
    expect(timeline.slice(own.length).map((entry) => entry.seq)).toEqual(older.map((e) => e.seq));
    expect(picture.timelineBefore).toBe(seqAtStart - 49);
    // The overview holds every line since the period's start: nothing to read.
    const whole = new ReplayPicture(LEAD);
    whole.setTimelineReach(10_000, { periodStart: T0, entries: [], oldestSeq: null, complete: false });
    whole.stateAt([overview(many)], at, connection);
    expect(whole.timelineBefore).toBeNull();
  });
});

describe('nextDetail (what the player asks the server for)', () => {
  const period = { start: T0, end: T0 + 24 * 60 * MINUTE };
  it('asks for finer tracks around the moment, needing no base inside the overview', () => {
    const spans = [{ ...overview([]), to: period.end, coveredTo: period.end }];
    expect(nextDetail(spans, period, T0 + 120 * MINUTE, 0)).toEqual({ from: T0 + 120 * MINUTE - DETAIL_MS / 4, to: T0 + 120 * MINUTE - DETAIL_MS / 4 + DETAIL_MS, needsBase: false });
  });
  it('prefetches the next window while playing, and nothing while it is loaded', () => {
    const detail = { ...spanOf(windowOf(60, 180, []), 120), base: null };
    const spans = [{ ...overview([]), to: period.end, coveredTo: period.end }, detail];
    expect(nextDetail(spans, period, T0 + 100 * MINUTE, 0)).toBeNull();
    expect(nextDetail(spans, period, T0 + 170 * MINUTE, 60 * MINUTE)).toMatchObject({ from: T0 + 180 * MINUTE });
  });
  it('asks for the detail beside the overview, and not again once it is loaded', () => {
    const wanted = nextDetail([], period, T0 + 120 * MINUTE, 0, true);
    expect(wanted).toMatchObject({ needsBase: false });
    const detail = { ...spanOf(windowOf((wanted!.from - T0) / MINUTE, (wanted!.to - T0) / MINUTE, []), 120), base: null };
    expect(nextDetail([detail], period, T0 + 120 * MINUTE, 0, true)).toBeNull();
  });
  it('asks for windows whose track step is a minute or less, whatever their length', () => {
    for (const seconds of [90, 144, 320, 7200, 5 * 3600 + 1]) expect((seconds * 1000) / detailPoints(0, seconds * 1000), `${seconds} s`).toBeLessThanOrEqual(DETAIL_STEP_MS);
  });
  it('needs a base of its own beyond where the overview reaches', () => {
    const cut = { ...overview([]), to: period.end, coveredTo: T0 + 240 * MINUTE };
    expect(nextDetail([cut], period, T0 + 600 * MINUTE, 0)).toMatchObject({ needsBase: true });
  });
  it('asks for the detail of a moment a span already draws once the view is idle, and at once for one no span holds, or while playing', () => {
    const cut = { ...overview([]), to: period.end, coveredTo: T0 + 240 * MINUTE };
    expect(detailWhenIdle([cut], T0 + 120 * MINUTE, false)).toBe(true);
    expect(detailWhenIdle([cut], T0 + 600 * MINUTE, false)).toBe(false);
    expect(detailWhenIdle([], T0 + 120 * MINUTE, false)).toBe(false);
    expect(detailWhenIdle([cut], T0 + 120 * MINUTE, true)).toBe(false);
  });
});
