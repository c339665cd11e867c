// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import L from 'leaflet';
import { StrictMode } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BaseMap } from './base-map';
import { loadCountryOutlines } from './basemap';
import { DEFAULT_MARKER_ICON_URLS } from './leaflet-icons';
import { useLeafletMap } from './map-context';

afterEach(cleanup);

describe('BaseMap', () => {
  // Parsing the 760 kB topology takes a while on a busy machine; these specs are about the map, not that.
  beforeAll(() => loadCountryOutlines(), 30_000);

  it('creates one Leaflet map, even under StrictMode, and draws the country outlines into it', async () => {
    const created = vi.spyOn(L, 'map');
    render(
      <StrictMode>
        <BaseMap />
      </StrictMode>,
    );
    const container = screen.getByTestId('map');
    await waitFor(() => expect(container.dataset.basemap).toBe('ready'), { timeout: 5_000 });
    // StrictMode mounts, unmounts and mounts again: the first map was removed, one is left.
    expect(created.mock.results.filter((result) => result.type === 'return').length).toBeLessThanOrEqual(2);
    expect(container.classList.contains('leaflet-container')).toBe(true);
    expect(document.querySelectorAll('.leaflet-container')).toHaveLength(1);
    // The countries in view at once, the others in short slices after them (a busy machine needs a while).
    await waitFor(() => expect(container.dataset.outlines).toBe('all'), { timeout: 20_000 });
    expect(container.querySelectorAll('path.country-outline').length).toBeGreaterThan(230);
    expect(container.querySelectorAll('path.country-outline--asean')).toHaveLength(11);
    created.mockRestore();
  }, 30_000);

  it('frames the map on the ASEAN region', async () => {
    let map: L.Map | null = null;
    function Probe() {
      map = useLeafletMap();
      return null;
    }
    render(
      <BaseMap>
        <Probe />
      </BaseMap>,
    );
    await waitFor(() => expect(map).not.toBeNull());
    const center = map!.getCenter();
    expect(center.lat).toBeGreaterThan(-11);
    expect(center.lat).toBeLessThan(28);
    expect(center.lng).toBeGreaterThan(92);
    expect(center.lng).toBeLessThan(141);
  });

  it('adds a tile layer only when a tile URL is configured, and removes it when the URL goes', async () => {
    const { rerender } = render(<BaseMap />);
    const container = screen.getByTestId('map');
    expect(container.querySelectorAll('.leaflet-tile-pane .leaflet-layer')).toHaveLength(0);

    await act(async () => rerender(<BaseMap tileUrl="https://tiles.example.test/{z}/{x}/{y}.png" tileAttribution="Test tiles" />));
    expect(container.querySelectorAll('.leaflet-tile-pane .leaflet-layer')).toHaveLength(1);
    expect(container.classList.contains('base-map--tiles')).toBe(true);
    expect(container.querySelector('.leaflet-control-attribution')?.textContent).toContain('Test tiles');

    await act(async () => rerender(<BaseMap />));
    expect(container.querySelectorAll('.leaflet-tile-pane .leaflet-layer')).toHaveLength(0);
  });

  it('gives Leaflet the bundled default marker images instead of the stylesheet-derived path', () => {
    const icon = new L.Icon.Default();
    const { iconUrl, iconRetinaUrl, shadowUrl } = DEFAULT_MARKER_ICON_URLS;
    expect(iconUrl).toMatch(/marker-icon.*\.png|^data:image\/png/);
    expect(icon.options.iconUrl).toBe(iconUrl);
    expect(icon.options.iconRetinaUrl).toBe(iconRetinaUrl);
    expect(icon.options.shadowUrl).toBe(shadowUrl);
    const image = icon.createIcon();
    expect(image.getAttribute('src')).toBe(iconUrl);
  });
});
