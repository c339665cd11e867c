import type { OperationRole } from './enums';

/**
 * Traffic Light Protocol 2.0 handling markings, and the one rule that decides who may see a
 * marked item. Every read path (REST, live feed, catch-up, search, exports, reports) goes through
 * `canView` or through `markingVisibility`, which is the same rule in a form a database query
 * can use.
 */
export const MARKINGS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
export type Marking = (typeof MARKINGS)[number];

/** Least to most restrictive; used to show the most restrictive marking on screen. */
export const MARKING_RANK: Readonly<Record<Marking, number>> = {
  'TLP:CLEAR': 0,
  'TLP:GREEN': 1,
  'TLP:AMBER': 2,
  'TLP:AMBER+STRICT': 3,
  'TLP:RED': 4,
};

export interface MarkedItem {
  marking: Marking;
  /** The agency that originated the item and keeps control of it. */
  originAgencyId: string;
  /** For TLP:RED only: the agencies the originator named. */
  recipientAgencyIds?: readonly string[] | null;
}

export interface Viewer {
  agencyId: string;
  /** The viewer's agency's role in the item's operation. */
  operationRole: OperationRole;
}

/**
 * The rule as data: an item is visible to the viewer when it originates from the viewer's agency,
 * or its marking is in `markings`, or it is TLP:RED and names the viewer's agency.
 */
export interface MarkingVisibility {
  agencyId: string;
  markings: readonly Marking[];
  redIfRecipient: true;
}

export function markingVisibility(viewer: Viewer): MarkingVisibility {
  const markings: Marking[] = ['TLP:CLEAR', 'TLP:GREEN'];
  if (viewer.operationRole !== 'observer') markings.push('TLP:AMBER');
  if (viewer.operationRole === 'lead') markings.push('TLP:AMBER+STRICT');
  return { agencyId: viewer.agencyId, markings, redIfRecipient: true };
}

export function canView(item: MarkedItem, viewer: Viewer): boolean {
  if (item.originAgencyId === viewer.agencyId) return true;
  const visibility = markingVisibility(viewer);
  if (visibility.markings.includes(item.marking)) return true;
  return item.marking === 'TLP:RED' && (item.recipientAgencyIds ?? []).includes(viewer.agencyId);
}

/**
 * Who receives a marked item, as audiences a fan-out can address without looking at each viewer:
 * every member, every non-observer member, or a list of agencies. It is the same rule as
 * `canView`, seen from the item's side.
 */
export type MarkingAudience =
  | { kind: 'all-members' }
  | { kind: 'non-observers'; alsoAgencyIds: readonly string[] }
  | { kind: 'agencies'; agencyIds: readonly string[] };

export function markingAudience(item: MarkedItem, leadAgencyId: string): MarkingAudience {
  switch (item.marking) {
    case 'TLP:CLEAR':
    case 'TLP:GREEN':
      return { kind: 'all-members' };
    case 'TLP:AMBER':
      return { kind: 'non-observers', alsoAgencyIds: [item.originAgencyId] };
    case 'TLP:AMBER+STRICT':
      return { kind: 'agencies', agencyIds: unique([item.originAgencyId, leadAgencyId]) };
    case 'TLP:RED':
      return { kind: 'agencies', agencyIds: unique([item.originAgencyId, ...(item.recipientAgencyIds ?? [])]) };
  }
}

/** Only TLP:CLEAR may leave the system in exports meant for outside readers. */
export function mayLeaveSystem(marking: Marking): boolean {
  return marking === 'TLP:CLEAR';
}

export function mostRestrictive(markings: Iterable<Marking>): Marking | null {
  let worst: Marking | null = null;
  for (const marking of markings) {
    if (worst === null || MARKING_RANK[marking] > MARKING_RANK[worst]) worst = marking;
  }
  return worst;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
