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
}

export interface ReplayedState extends ReplayedItems {
  operation: OperationUpdate | null;
  /** The moment folded to (ms). */
  at: number;
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
  let operation = base.operation ?? null;
  let seq = base.seq;
  for (const step of steps) {
    seq = Math.max(seq, step.seq);
    if ('withdrawal' in step) {
      if ((reports ?? base.reports).has(step.withdrawal.itemId)) (reports ??= new Map(base.reports)).delete(step.withdrawal.itemId);
      if ((teams ?? base.teams).has(step.withdrawal.itemId)) (teams ??= new Map(base.teams)).delete(step.withdrawal.itemId);
      continue;
    }
    const event = step.event;
    const visible = canView(event, viewer);
    if (event.type === 'report.created' || event.type === 'report.updated') {
      reports ??= new Map(base.reports);
      if (visible) reports.set(event.report.id, event.report);
      else reports.delete(event.report.id);
    } else if (event.type === 'team.created' || event.type === 'team.updated') {
      teams ??= new Map(base.teams);
      if (visible) teams.set(event.team.id, event.team);
      else teams.delete(event.team.id);
    } else if (operation && visible) {
      operation = applyOperationEvent(operation, event);
    } else if (!operation && visible && event.type === 'operation.updated') {
      operation = event.operation;
    }
  }
  return { reports: reports ?? base.reports, teams: teams ?? base.teams, seq, operation, at: cut };
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
