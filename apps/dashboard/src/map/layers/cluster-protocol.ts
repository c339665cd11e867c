import type { ClusterIndexOptions, ClusterQuery, IndexChanges, IndexedItem } from './cluster-index';

/** What the reports layer asks its cluster worker; the worker answers queries in the order asked. */
export type ClusterRequest =
  | { type: 'init'; options: ClusterIndexOptions }
  | ({ type: 'changes' } & IndexChanges)
  | ({ type: 'clusters'; seq: number } & ClusterQuery)
  | { type: 'expansion'; seq: number; clusterId: number };

export type ClusterAnswer = { type: 'clusters'; seq: number; items: IndexedItem[]; indexed: number } | { type: 'expansion'; seq: number; zoom: number | null };
