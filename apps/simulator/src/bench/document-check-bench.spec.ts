import { isListed } from './document-check-bench';

describe('isListed', () => {
  it('spreads the share of listed checks evenly', () => {
    const count = (share: number) => Array.from({ length: 1000 }, (_, i) => isListed(i, share)).filter(Boolean).length;
    expect(count(0.02)).toBe(20);
    expect(count(0.5)).toBe(500);
    expect(count(0)).toBe(0);
    expect(count(1)).toBe(1000);
  });
});
