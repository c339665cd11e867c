import { atRate, isListed, keepSlowest } from './document-check-bench';

describe('isListed', () => {
  it('spreads the share of listed checks evenly', () => {
    const count = (share: number) => Array.from({ length: 1000 }, (_, i) => isListed(i, share)).filter(Boolean).length;
    expect(count(0.02)).toBe(20);
    expect(count(0.5)).toBe(500);
    expect(count(0)).toBe(0);
    expect(count(1)).toBe(1000);
  });
});

describe('atRate', () => {
  it('sends every scheduled check once, without waiting for answers, and splits hits from misses', async () => {
    const sent: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const measure = await atRate(
      async (index) => {
        sent.push(index);
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        // Slower than the schedule: an open loop keeps sending meanwhile.
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFlight--;
        if (index === 105) throw new Error('refused');
      },
      1000,
      0.1,
      100,
      (index) => index % 10 === 0,
    );
    expect(sent).toEqual(Array.from({ length: 100 }, (_, i) => 100 + i));
    expect(mostInFlight).toBeGreaterThan(1);
    expect(measure).toMatchObject({ failures: 1, firstFailure: 'refused' });
    expect(measure.hits.count).toBe(10);
    expect(measure.misses.count).toBe(89);
    // Latency runs from the scheduled time: no check can answer faster than its own 50 ms.
    expect(measure.latency.p50).toBeGreaterThanOrEqual(49);
  });
});

describe('keepSlowest', () => {
  it('keeps the five longest checks, longest first, with when they were due', () => {
    const slowest: Array<{ atMs: number; ms: number }> = [];
    [12, 80, 5, 40, 80, 7, 300, 41].forEach((ms, index) => keepSlowest(slowest, { atMs: index * 10, ms }));
    expect(slowest).toEqual([
      { atMs: 60, ms: 300 },
      { atMs: 10, ms: 80 },
      { atMs: 40, ms: 80 },
      { atMs: 70, ms: 41 },
      { atMs: 30, ms: 40 },
    ]);
  });
});
