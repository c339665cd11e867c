import { RateSearch } from './rate-search';

/** Runs the search against a system that holds every rate up to `limit`. */
function search(limit: number, options = { start: 5, max: 5120, precision: 0.15 }): { tried: number[]; highest: number | null } {
  const rates = new RateSearch(options);
  const tried: number[] = [];
  for (let rate = rates.next(); rate !== null && tried.length < 30; rate = rates.next()) {
    tried.push(rate);
    rates.record(rate, rate <= limit);
  }
  return { tried, highest: rates.highestHeld };
}

describe('the sweep rate search', () => {
  it('doubles while the rate holds, then narrows the gap to the first failure', () => {
    const { tried, highest } = search(27);
    expect(tried.slice(0, 4)).toEqual([5, 10, 20, 40]);
    expect(tried.slice(4)).toEqual([30, 25, 28]);
    expect(highest).toBe(25);
  });

  it('halves downwards when the first step already fails', () => {
    expect(search(3)).toEqual({ tried: [5, 2, 4, 3], highest: 3 });
  });

  it('reports nothing when not even one event a second holds', () => {
    expect(search(0)).toEqual({ tried: [5, 2, 1], highest: null });
  });

  it('stops at the highest rate it may try', () => {
    expect(search(1_000, { start: 5, max: 40, precision: 0.15 })).toEqual({ tried: [5, 10, 20, 40], highest: 40 });
  });
});
