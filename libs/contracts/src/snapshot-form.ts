import type { CompactOperationSnapshot, SnapshotAnswer } from './events';

/** Whether a snapshot answer is the compact form (`compact: true`, reports as summaries). */
export function isCompactSnapshot(snapshot: SnapshotAnswer): snapshot is CompactOperationSnapshot {
  return 'compact' in snapshot && snapshot.compact === true;
}
