import { describe, expect, it } from 'vitest';
import { fanOut } from './fan-out';

describe('fanOut', () => {
  it('spreads markers on one place around it, far enough apart to click each', () => {
    const offsets = fanOut([
      { id: 'a', x: 100, y: 100 },
      { id: 'b', x: 100, y: 100 },
      { id: 'c', x: 101, y: 99 },
      { id: 'alone', x: 300, y: 300 },
    ]);
    expect(offsets.has('alone')).toBe(false);
    const placed = ['a', 'b', 'c'].map((id) => ({ x: 100 + offsets.get(id)!.dx, y: 100 + offsets.get(id)!.dy }));
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(Math.hypot(placed[i].x - placed[j].x, placed[i].y - placed[j].y)).toBeGreaterThan(24);
    }
  });

  it('is stable: the same markers get the same places whatever their order', () => {
    const points = [
      { id: 'x', x: 10, y: 10 },
      { id: 'y', x: 10, y: 10 },
    ];
    expect(fanOut(points)).toEqual(fanOut([...points].reverse()));
  });
});
