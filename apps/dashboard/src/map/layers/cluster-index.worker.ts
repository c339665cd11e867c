import { ClusterIndex } from './cluster-index';
import type { ClusterAnswer, ClusterRequest } from './cluster-protocol';

/**
 * The reports layer's cluster index, off the main thread: building it for 10,000 reports took
 * the page's longest tasks. Changes are applied as they come; the index is rebuilt when clusters
 * are next asked for.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<ClusterRequest>) => void) | null; postMessage(answer: ClusterAnswer): void };
let index: ClusterIndex | null = null;

scope.onmessage = ({ data: request }) => {
  switch (request.type) {
    case 'init':
      index = new ClusterIndex(request.options);
      return;
    case 'changes':
      index?.apply(request);
      return;
    case 'clusters':
      scope.postMessage({ type: 'clusters', seq: request.seq, items: index?.clusters(request) ?? [], indexed: index?.size ?? 0 });
      return;
    case 'expansion':
      scope.postMessage({ type: 'expansion', seq: request.seq, zoom: index?.expansionZoom(request.clusterId) ?? null });
      return;
  }
};
