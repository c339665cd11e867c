import { describe, expect, it } from 'vitest';
import { stackLabels } from './label-stacking';

describe('stacking team labels', () => {
  it('leaves labels that do not meet where they belong', () => {
    const rows = stackLabels(
      [
        { id: 'far-apart', x: 0, y: 0 },
        { id: 'below', x: 0, y: 40 },
        { id: 'beside', x: 400, y: 2 },
      ],
      18,
      170,
    );
    expect([...rows.values()]).toEqual([0, 0, 0]);
  });

  it('moves the lower of two labels that would cover each other one row down', () => {
    const rows = stackLabels(
      [
        { id: 'VN-MOCBAI-1', x: 300, y: 205 },
        { id: 'KH-BAVET-1', x: 296, y: 200 },
      ],
      18,
      170,
    );
    expect(Object.fromEntries(rows)).toEqual({ 'KH-BAVET-1': 0, 'VN-MOCBAI-1': 1 });
  });

  it('stacks several teams at one site in rows, skipping rows already taken', () => {
    const rows = stackLabels(
      [
        { id: 'a', x: 100, y: 100 },
        { id: 'b', x: 101, y: 100 },
        { id: 'c', x: 99, y: 101 },
        { id: 'd', x: 100, y: 118 },
      ],
      18,
      170,
    );
    expect(Object.fromEntries(rows)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
  });
});
