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
  // Placed labels by band of rows: a label can only meet those of its own band and the two beside it.
  const bands = new Map<number, { x: number; y: number }[]>();
  const rows = new Map<string, number>();
  const taken = (x: number, y: number) => {
    const band = Math.floor(y / rowHeight);
    for (let b = band - 1; b <= band + 1; b++) {
      for (const other of bands.get(b) ?? []) if (Math.abs(other.x - x) < width && Math.abs(other.y - y) < rowHeight) return true;
    }
    return false;
  };
  for (const anchor of [...anchors].sort((a, b) => a.y - b.y || a.x - b.x)) {
    let row = 0;
    while (taken(anchor.x, anchor.y + row * rowHeight)) row++;
    const y = anchor.y + row * rowHeight;
    const band = Math.floor(y / rowHeight);
    const list = bands.get(band);
    if (list) list.push({ x: anchor.x, y });
    else bands.set(band, [{ x: anchor.x, y }]);
    rows.set(anchor.id, row);
  }
  return rows;
}
