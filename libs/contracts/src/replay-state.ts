import type { OperationEvent, OperationUpdate } from './events';
import { canView, type MarkedItem, type Viewer } from './marking';
import type { ReplayWithdrawal } from './replay';
import type { Report } from './reports';
import type { Team } from './teams';

/**
 * The picture of an operation at a moment, as the event log tells it: the newest event of each
 * report and team up to that moment, kept when the viewer may see the item as that event marked
 * it. A report raised from TLP:GREEN to TLP:RED is gone for an observer from the raise on; one
 * released later appears only from its release. This is the rule the replay's SQL answers; the
 * tests hold the two against each other, and the player folds a window's events with it.
 */
export interface ReplayedItems {
  reports: ReadonlyMap<string, Report>;
  teams: ReadonlyMap<string, Team>;
  /** The newest seq at or before the moment (visible or not). */
  seq: number;
}

/**
 * The state a fold starts from: items and, when known, the operation, as at the moment `at` (ms).
 * The events after it are those logged after `at`; without `at`, those after `seq`.
 */
export interface ReplayBase extends ReplayedItems {
  operation?: OperationUpdate | null;
  at?: number;
  /**
   * The seq of the newest event folded for each item (report, team, and the operation's own keys:
   * see `operationKey`), visible or not. An event older than it is already decided against and is
   * skipped: events whose time comes out of their seq order are applied by seq. Without it a
   * report or team counts its `version` (the seq of its newest event, as the server stores it).
   */
  itemSeqs?: ReadonlyMap<string, number>;
}

export interface ReplayedState extends ReplayedItems {
  operation: OperationUpdate | null;
  /** The moment folded to (ms). */
  at: number;
  itemSeqs: ReadonlyMap<string, number>;
}

export const EMPTY_REPLAY_BASE: ReplayBase = { reports: new Map(), teams: new Map(), seq: 0, operation: null };

/** The state at `at` from nothing: every event up to the moment, as the viewer may see it. */
export function replayItems(events: readonly OperationEvent[], at: string, viewer: Viewer): ReplayedItems {
  const { reports, teams, seq } = foldReplay(EMPTY_REPLAY_BASE, events, at, viewer);
  return { reports, teams, seq };
}

/**
 * The state at `at`, from `base` and the events after it up to the moment, in seq order. "After"
 * is by time when the base knows its moment: a transaction that took its seq before another but
 * its time after it is folded when its time comes, as the server's state at a moment has it. An event the viewer may not see removes its item (the newest event decides,
 * never an older visible one); so does a withdrawal. Unchanged reports and teams keep their object
 * identity, and a map with no change is `base`'s own: the map layers redraw what changed only.
 */
export function foldReplay(
  base: ReplayBase,
  events: readonly OperationEvent[],
  at: string | number,
  viewer: Viewer,
  withdrawals: readonly ReplayWithdrawal[] = [],
): ReplayedState {
  const cut = typeof at === 'number' ? at : Date.parse(at);
  const after = (item: { seq: number; at: string }) => {
    const time = Date.parse(item.at);
    return (base.at === undefined ? item.seq > base.seq : time > base.at) && time <= cut;
  };
  const steps: ({ seq: number; event: OperationEvent } | { seq: number; withdrawal: ReplayWithdrawal })[] = [];
  for (const event of events) if (after(event)) steps.push({ seq: event.seq, event });
  for (const withdrawal of withdrawals) if (after(withdrawal)) steps.push({ seq: withdrawal.seq, withdrawal });
  steps.sort((a, b) => a.seq - b.seq);

  let reports: Map<string, Report> | null = null;
  let teams: Map<string, Team> | null = null;
  let itemSeqs: Map<string, number> | null = null;
  let operation = base.operation ?? null;
  let seq = base.seq;
  const seqOf = (key: string, item?: Report | Team) => (itemSeqs ?? base.itemSeqs)?.get(key) ?? (item && 'version' in item && typeof item.version === 'number' ? item.version : -1);
  /** Whether the step is newer than what decided the item (and, if so, it now decides it). */
  const decides = (key: string, stepSeq: number, item?: Report | Team) => {
    if (seqOf(key, item) > stepSeq) return false;
    (itemSeqs ??= new Map(base.itemSeqs)).set(key, stepSeq);
    return true;
  };
  for (const step of steps) {
    seq = Math.max(seq, step.seq);
    if ('withdrawal' in step) {
      const id = step.withdrawal.itemId;
      const current = (reports ?? base.reports).get(id) ?? (teams ?? base.teams).get(id);
      if (!decides(id, step.seq, current)) continue;
      if ((reports ?? base.reports).has(id)) (reports ??= new Map(base.reports)).delete(id);
      if ((teams ?? base.teams).has(id)) (teams ??= new Map(base.teams)).delete(id);
      continue;
    }
    const event = step.event;
    const visible = canView(event, viewer);
    if (event.type === 'report.created' || event.type === 'report.updated') {
      if (!decides(event.report.id, step.seq, (reports ?? base.reports).get(event.report.id))) continue;
      reports ??= new Map(base.reports);
      if (visible) reports.set(event.report.id, event.report);
      else reports.delete(event.report.id);
    } else if (event.type === 'team.created' || event.type === 'team.updated') {
      if (!decides(event.team.id, step.seq, (teams ?? base.teams).get(event.team.id))) continue;
      teams ??= new Map(base.teams);
      if (visible) teams.set(event.team.id, event.team);
      else teams.delete(event.team.id);
    } else if (visible && (operation || event.type === 'operation.updated')) {
      const next = operation ? applyOperationEventBySeq(operation, event, (key) => seqOf(key)) : event.type === 'operation.updated' ? event.operation : null;
      if (next === null) continue;
      decides(operationKey(event)!, step.seq);
      operation = next;
    }
  }
  return { reports: reports ?? base.reports, teams: teams ?? base.teams, seq, operation, at: cut, itemSeqs: itemSeqs ?? base.itemSeqs ?? new Map() };
}

/** The key of the operation an event decides: `operation` (all of it: an update names every participant and site), or one participant or site. */
export function operationKey(event: OperationEvent): string | null {
  switch (event.type) {
    case 'operation.updated':
      return 'operation';
    case 'operation.participant_added':
      return `participant:${event.participant.agency.id}`;
    case 'operation.participant_removed':
      return `participant:${event.agencyId}`;
    case 'operation.site_attached':
      return `site:${event.site.id}`;
    case 'operation.site_detached':
      return `site:${event.siteId}`;
    default:
      return null;
  }
}

/**
 * `applyOperationEvent`, for an event that may come after a newer one (by seq); null when a newer
 * event already decided what it changes. An update is the whole operation as of its seq, so a
 * participant or site event older than the newest update is decided; an update newer than a
 * participant's or site's own event takes every field but that participant or site. In seq order
 * it is `applyOperationEvent` itself.
 */
function applyOperationEventBySeq(operation: OperationUpdate, event: OperationEvent, seqOf: (key: string) => number): OperationUpdate | null {
  const key = operationKey(event);
  if (key === null || seqOf('operation') > event.seq) return null;
  if (event.type !== 'operation.updated') return seqOf(key) > event.seq ? null : applyOperationEvent(operation, event);
  const newer = (itemKey: string) => seqOf(itemKey) > event.seq;
  return {
    ...event.operation,
    participants: mergeKeyed(operation.participants, event.operation.participants, (p) => `participant:${p.agency.id}`, newer),
    sites: mergeKeyed(operation.sites, event.operation.sites, (s) => `site:${s.id}`, newer),
  };
}

/** The incoming list, except the items a newer event decided: those as the current state has them. */
function mergeKeyed<T>(current: readonly T[], incoming: readonly T[], keyOf: (item: T) => string, newer: (key: string) => boolean): T[] {
  if (!current.some((item) => newer(keyOf(item))) && !incoming.some((item) => newer(keyOf(item)))) return incoming as T[];
  return [...current.filter((item) => newer(keyOf(item))), ...incoming.filter((item) => !newer(keyOf(item)))];
}

/** An item event's place in the log and marking, without its payload: what withdrawals are judged on. */
export interface MarkedItemEvent extends MarkedItem {
  itemId: string;
  seq: number;
  at: string;
}

/**
 * The withdrawals of a window for a viewer: each item event the viewer may not see whose item the
 * viewer saw just before it (as its previous event marked it). `previous` is each item's newest
 * event before the window; `events` are the window's item events in seq order. An item the viewer
 * never saw is not named.
 */
export function replayWithdrawals(previous: ReadonlyMap<string, MarkedItem>, events: readonly MarkedItemEvent[], viewer: Viewer): ReplayWithdrawal[] {
  const seen = new Map<string, boolean>();
  for (const [itemId, item] of previous) seen.set(itemId, canView(item, viewer));
  const withdrawals: ReplayWithdrawal[] = [];
  for (const event of events) {
    const visible = canView(event, viewer);
    if (!visible && seen.get(event.itemId)) withdrawals.push({ itemId: event.itemId, seq: event.seq, at: event.at });
    seen.set(event.itemId, visible);
  }
  return withdrawals;
}

/** The report or team an event carries, or null for the operation's own events. */
export function itemIdOf(event: OperationEvent): string | null {
  if (event.type === 'report.created' || event.type === 'report.updated') return event.report.id;
  if (event.type === 'team.created' || event.type === 'team.updated') return event.team.id;
  return null;
}

/** One operation event applied to the operation (the others leave it as it is). */
export function applyOperationEvent(operation: OperationUpdate, event: OperationEvent): OperationUpdate {
  switch (event.type) {
    case 'operation.updated':
      return event.operation;
    case 'operation.participant_added':
      return {
        ...operation,
        participants: [...operation.participants.filter((p) => p.agency.id !== event.participant.agency.id), event.participant],
      };
    case 'operation.participant_removed':
      return { ...operation, participants: operation.participants.filter((p) => p.agency.id !== event.agencyId) };
    case 'operation.site_attached':
      return { ...operation, sites: [...operation.sites.filter((s) => s.id !== event.site.id), event.site] };
    case 'operation.site_detached':
      return { ...operation, sites: operation.sites.filter((s) => s.id !== event.siteId) };
    default:
      return operation;
  }
}
