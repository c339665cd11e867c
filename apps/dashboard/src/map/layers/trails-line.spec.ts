// @vitest-environment jsdom
import L from 'leaflet';
import { afterEach, describe, expect, it } from 'vitest';
import { layerPointOf } from './trails-line';

describe('trail points in layer pixels', () => {
  let map: L.Map | null = null;
  afterEach(() => {
    map?.remove();
    map = null;
  });

  it('writes the layer pixels Leaflet gives, within its rounding', () => {
    const element = document.createElement('div');
    document.body.append(element);
    map = L.map(element).setView([11.5, 104.9], 9);
    const text = layerPointOf(map);
    for (const [lat, lon] of [
      [11.5, 104.9],
      [10.61, 104.18],
      [13.36, 103.86],
      [-33.9, 151.2],
      [89.9, -179.9],
    ]) {
      const expected = map.latLngToLayerPoint([lat, lon]);
      const { x, y } = text({ lat, lon });
      expect(Math.abs(x - expected.x)).toBeLessThanOrEqual(1);
      expect(Math.abs(y - expected.y)).toBeLessThanOrEqual(1);
    }
  });
});
