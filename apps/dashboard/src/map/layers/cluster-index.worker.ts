import { buildHierarchy } from './cluster-hierarchy';
import { type ClusterAnswer, type ClusterRequest, hierarchyBuffers } from './cluster-protocol';

/**
 * The reports layer's cluster hierarchy, built off the main thread: building it for 10,000
 * reports took the page's longest tasks. The main thread keeps the answer and asks it itself.
 */
const scope = self as unknown as { onmessage: ((event: MessageEvent<ClusterRequest>) => void) | null; postMessage(answer: ClusterAnswer, transfer: Transferable[]): void };

scope.onmessage = ({ data: request }) => {
  const hierarchy = buildHierarchy(request.places, request.radius);
  scope.postMessage({ type: 'built', seq: request.seq, hierarchy }, hierarchyBuffers(hierarchy));
};
