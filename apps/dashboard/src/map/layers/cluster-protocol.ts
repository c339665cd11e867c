import type { ClusterHierarchy } from './cluster-hierarchy';

/** What the reports layer asks its cluster worker: a hierarchy of these places (`[lon, lat]` pairs). */
export type ClusterRequest = { type: 'build'; seq: number; places: Float64Array; radius: number };

export type ClusterAnswer = { type: 'built'; seq: number; hierarchy: ClusterHierarchy };

/** The buffers of a hierarchy, handed over rather than copied. */
export function hierarchyBuffers(hierarchy: ClusterHierarchy): ArrayBuffer[] {
  return [hierarchy.x.buffer as ArrayBuffer, hierarchy.y.buffer as ArrayBuffer, ...hierarchy.nodeOf.map((level) => level.buffer as ArrayBuffer)];
}
