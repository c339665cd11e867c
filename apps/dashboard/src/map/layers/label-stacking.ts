/** A label's anchor on screen: the right-hand side of its glyph, in pixels. */
export interface LabelAnchor {
  id: string;
  x: number;
  y: number;
}

/**
 * Rows to move labels down by so that labels drawn to the right of nearby glyphs do not cover one
 * another (two border posts facing each other, teams at one site). Greedy, top to bottom: a label
 * takes the first row, at or below its anchor, that no label already placed occupies within
 * `width` pixels. Answers the row of every anchor (0: where it belongs).
 */
export function stackLabels(anchors: readonly LabelAnchor[], rowHeight: number, width: number): Map<string, number> {
  const placed: { x: number; y: number }[] = [];
  const rows = new Map<string, number>();
  for (const anchor of [...anchors].sort((a, b) => a.y - b.y || a.x - b.x)) {
    let row = 0;
    const taken = (candidate: number) =>
      placed.some((other) => Math.abs(other.x - anchor.x) < width && Math.abs(other.y - (anchor.y + candidate * rowHeight)) < rowHeight);
    while (taken(row)) row++;
    placed.push({ x: anchor.x, y: anchor.y + row * rowHeight });
    rows.set(anchor.id, row);
  }
  return rows;
}
