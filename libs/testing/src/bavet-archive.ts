import type { FeatureCollection } from 'geojson';
import { buildPmtilesArchive } from './pmtiles-archive';

/**
 * Bavet / Moc Bai in the Protomaps basemap's layers (earth, water, roads, places, boundaries):
 * enough for a test to see the vector basemap's river, road and town drawn at zoom 14.
 * The stream is invented (a band 120 m wide north of the crossing), as is its name.
 */
export const BAVET = { lat: 11.067, lon: 106.12 } as const;

const collection = (features: FeatureCollection['features']): FeatureCollection => ({ type: 'FeatureCollection', features });

export const BAVET_LAYERS: Record<string, FeatureCollection> = {
  earth: collection([{ type: 'Feature', properties: { kind: 'earth' }, geometry: { type: 'Polygon', coordinates: [[[106.0, 10.95], [106.25, 10.95], [106.25, 11.2], [106.0, 11.2], [106.0, 10.95]]] } }]),
  water: collection([
    {
      type: 'Feature',
      properties: { kind: 'water', name: 'Test stream' },
      geometry: { type: 'Polygon', coordinates: [[[106.08, 11.0745], [106.16, 11.0745], [106.16, 11.0755], [106.08, 11.0755], [106.08, 11.0745]]] },
    },
  ]),
  roads: collection([{ type: 'Feature', properties: { kind: 'major_road', kind_detail: 'primary', name: 'National Road 1', min_zoom: 5 }, geometry: { type: 'LineString', coordinates: [[106.05, 11.05], [106.12, 11.067], [106.2, 11.09]] } }]),
  places: collection([{ type: 'Feature', properties: { kind: 'locality', name: 'Bavet', min_zoom: 5, population_rank: 8 }, geometry: { type: 'Point', coordinates: [106.115, 11.06] } }]),
  boundaries: collection([{ type: 'Feature', properties: { kind: 'country', kind_detail: 2, min_zoom: 0 }, geometry: { type: 'LineString', coordinates: [[106.13, 11.0], [106.13, 11.15]] } }]),
};

/** The archive, zoom 6 to 15 over the layers' extent (a few hundred kilobytes). */
export function buildBavetArchive(): Promise<Buffer> {
  return buildPmtilesArchive(BAVET_LAYERS, { minZoom: 6, maxZoom: 15 });
}
