import { describe, expect, it } from 'vitest';
import { mapPick } from './map-pick';

describe('mapPick', () => {
  it('takes one click as a target point, or corners until the area is finished', () => {
    mapPick.start();
    mapPick.answer({ lat: 11, lon: 106 });
    expect(mapPick.get()).toMatchObject({ active: false, point: { lat: 11, lon: 106 }, area: [] });
    mapPick.startArea();
    for (const [lat, lon] of [[11, 106], [11, 106.1], [11.1, 106.1]]) mapPick.answer({ lat, lon });
    expect(mapPick.get()).toMatchObject({ active: true, mode: 'area', point: null });
    mapPick.finish();
    expect(mapPick.get()).toMatchObject({ active: false, area: [[106, 11], [106.1, 11], [106.1, 11.1]] });
    mapPick.clear();
    expect(mapPick.get()).toMatchObject({ active: false, point: null, area: [] });
  });
});
