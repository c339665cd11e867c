import { canView, type Marking, type MarkedItem, type Viewer } from '../marking';

/** A history entry as stored: field → [before, after]. */
export interface HistoryEntry {
  changes: Record<string, readonly [unknown, unknown] | [unknown, unknown]>;
}

/**
 * The entries of an item's history the viewer may see, in their order. An entry is visible only
 * if the viewer could see the item at every marking (and TLP:RED recipient list) the entry
 * involves: the one in force when it was made and, for a re-marking, the one it set. Otherwise a
 * report re-marked from TLP:RED to TLP:CLEAR would show its RED-era title and narrative to all.
 * `current` is the item as it stands now; earlier states are rebuilt by undoing the changes,
 * newest first.
 */
export function visibleHistory<T extends HistoryEntry>(entries: readonly T[], current: MarkedItem, viewer: Viewer): T[] {
  if (current.originAgencyId === viewer.agencyId) return [...entries];
  let after: MarkedItem = current;
  const visible: boolean[] = new Array<boolean>(entries.length);
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const changes = entries[index].changes;
    const before: MarkedItem = {
      originAgencyId: current.originAgencyId,
      marking: 'marking' in changes ? (changes.marking[0] as Marking) : after.marking,
      recipientAgencyIds: 'recipientAgencyIds' in changes ? asIds(changes.recipientAgencyIds[0]) : after.recipientAgencyIds,
    };
    visible[index] = canView(before, viewer) && canView(after, viewer);
    after = before;
  }
  return entries.filter((_entry, index) => visible[index]);
}

function asIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}
