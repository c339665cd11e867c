/** A marker's place on screen, in pixels. */
export interface ScreenPoint {
  id: string;
  x: number;
  y: number;
}

/** Markers closer than this (pixels) would cover one another. */
export const FAN_OUT_PX = 14;

/**
 * Offsets (pixels) that fan out markers sitting on one place, so that none hides another: the
 * markers of a group are spread on a circle around their common place, in a stable order (by id),
 * with a radius that grows with their number. Markers alone get no entry.
 */
export function fanOut(points: readonly ScreenPoint[], closerThan = FAN_OUT_PX): Map<string, { dx: number; dy: number }> {
  const groups = new Map<string, ScreenPoint[]>();
  for (const point of points) {
    const key = `${Math.round(point.x / closerThan)},${Math.round(point.y / closerThan)}`;
    const group = groups.get(key);
    if (group) group.push(point);
    else groups.set(key, [point]);
  }
  const offsets = new Map<string, { dx: number; dy: number }>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sorted = [...group].sort((a, b) => a.id.localeCompare(b.id));
    const cx = sorted.reduce((sum, point) => sum + point.x, 0) / sorted.length;
    const cy = sorted.reduce((sum, point) => sum + point.y, 0) / sorted.length;
    const radius = Math.max(22, (sorted.length * 26) / (2 * Math.PI));
    sorted.forEach((point, index) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * index) / sorted.length;
      offsets.set(point.id, { dx: Math.round(cx + radius * Math.cos(angle) - point.x), dy: Math.round(cy + radius * Math.sin(angle) - point.y) });
    });
  }
  return offsets;
}
