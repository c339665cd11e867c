import type L from 'leaflet';
import './leaflet-global';
import * as protomaps from 'protomaps-leaflet';
import type { Theme } from '../app/theme';

/**
 * The vector layers, drawn by protomaps-leaflet on canvas tiles. This module is loaded on demand
 * (its own chunk) so the renderer never weighs on the first paint.
 */

export const GROUND_TILES_URL = '/api/basemap/ground/{z}/{x}/{y}.mvt';
export const ARCHIVE_URL = '/api/basemap/archive.pmtiles';
export const GROUND_ATTRIBUTION = 'Rivers, borders, shores: <a href="https://www.soest.hawaii.edu/pwessel/gshhg/">GSHHG 2.3.7</a> (LGPL-3.0)';
export const ARCHIVE_ATTRIBUTION = '<a href="https://protomaps.com">Protomaps</a> © <a href="https://openstreetmap.org/copyright">OpenStreetMap</a>';

/** Rivers must read as water, borders as borders, in either theme, and stay quieter than the operational layers. */
const GROUND_COLOURS: Record<Theme, { river: string; shore: string; border: string }> = {
  dark: { river: '#3f8fcf', shore: '#5d7186', border: '#c9a86a' },
  light: { river: '#2f7fc0', shore: '#7d8fa1', border: '#8a5a2b' },
};

const level = (feature: { props: Record<string, unknown> }) => Number(feature.props.level ?? 3);

/** The GSHHG ground layers (served by the API as vector tiles), over the country outlines. */
export function groundLayer(theme: Theme, pane: string): L.Layer {
  const colours = GROUND_COLOURS[theme];
  const { LineSymbolizer } = protomaps;
  return protomaps.leafletLayer({
    url: GROUND_TILES_URL,
    maxDataZoom: 14,
    pane,
    attribution: GROUND_ATTRIBUTION,
    paintRules: [
      { dataLayer: 'shorelines', symbolizer: new LineSymbolizer({ color: colours.shore, width: (z) => (z >= 10 ? 1.4 : 1) }) },
      { dataLayer: 'rivers', filter: (z, f) => level(f) <= 1 || (level(f) === 2 && z >= 7) || z >= 9, symbolizer: new LineSymbolizer({ color: colours.river, width: (z) => (z >= 11 ? 2 : 1.2), perFeature: true, opacity: (_z, f) => (f && level(f) <= 1 ? 1 : 0.8) }) },
      { dataLayer: 'borders', symbolizer: new LineSymbolizer({ color: colours.border, width: (z) => (z >= 10 ? 2 : 1.4), dash: [6, 3], dashColor: colours.border, dashWidth: 1.6 }) },
    ],
    labelRules: [],
  }) as unknown as L.Layer;
}

/** The archive's reader, one for the page: it keeps the archive's header once read. */
let archive: protomaps.PmtilesSource | null = null;

function archiveReader(): protomaps.PmtilesSource['p'] {
  archive ??= new protomaps.PmtilesSource(ARCHIVE_URL, true);
  return archive.p;
}

/**
 * Reads the archive's header ahead of the map (`early-start.ts`, while the snapshot loads): the
 * layer can then ask for its first tiles as soon as it is added. Read by the layer instead, the
 * header's answer waited behind the operation's layers' first draw, and the tiles after it.
 */
export function readArchiveHeaderAhead(): void {
  const reader = archiveReader();
  reader.getHeader().catch(() => {
    // The reader keeps a failed header too: a layer made after this gets a fresh reader (and reports what fails).
    if (archive?.p === reader) archive = null;
  });
}

/** The operator's Protomaps archive (BASEMAP_PMTILES), in the Protomaps basemap's dark or light style. */
export function archiveLayer(theme: Theme, pane: string): L.Layer {
  return protomaps.leafletLayer({ url: archiveReader(), flavor: theme, lang: 'en', pane, attribution: ARCHIVE_ATTRIBUTION }) as unknown as L.Layer;
}
