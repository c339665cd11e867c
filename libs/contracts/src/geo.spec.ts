import { describe, expect, it } from 'vitest';
import { polygonSchema } from './geo';

describe('polygonSchema', () => {
  it('accepts a closed ring', () => {
    const square = { type: 'Polygon', coordinates: [[[105, 10], [106, 10], [106, 11], [105, 11], [105, 10]]] };
    expect(polygonSchema.safeParse(square).success).toBe(true);
  });

  it('rejects an open ring, naming the problem', () => {
    const open = { type: 'Polygon', coordinates: [[[105, 10], [106, 10], [106, 11], [105, 11]]] };
    const result = polygonSchema.safeParse(open);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('not closed');
  });

  it('rejects a bow-tie ring that crosses itself', () => {
    const bowTie = { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]] };
    expect(polygonSchema.safeParse(bowTie).error?.issues[0].message).toBe('ring crosses itself');
  });

  it('rejects coordinates out of range', () => {
    const far = { type: 'Polygon', coordinates: [[[200, 10], [106, 10], [106, 11], [200, 10]]] };
    expect(polygonSchema.safeParse(far).success).toBe(false);
  });
});
