import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LatLngBoundsLiteral } from 'leaflet';
import type { CountryCollection, CountryFeature, CountryProperties } from './country-topology';
import { geometryBounds, rememberBounds } from './country-bounds';

/**
 * The converted outlines in one piece: every point in one array (100,000 small GeoJSON arrays cost
 * as much to build as to convert), the countries' shapes and bounds beside it. The build writes them
 * to a file (`outlines-encoding.ts`); the page reads it back into this form.
 */
export interface PackedCountries {
  countries: { id?: string | number; properties: CountryProperties; type: 'Polygon' | 'MultiPolygon'; ringsPerPolygon: number[]; bounds: LatLngBoundsLiteral }[];
  /** Points per ring, every ring of every country in order. */
  ringLengths: Uint32Array;
  /** Longitude, latitude of every point in order. */
  coordinates: Float64Array;
}

export function packCountries(collection: CountryCollection): PackedCountries {
  const ringLengths: number[] = [];
  let points = 0;
  const countries = collection.features.map((country) => {
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    for (const polygon of polygons) for (const ring of polygon) ringLengths.push(ring.length);
    points += polygons.reduce((sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0), 0);
    return { id: country.id, properties: country.properties, type: country.geometry.type, ringsPerPolygon: polygons.map((polygon) => polygon.length), bounds: geometryBounds(country.geometry) };
  });
  const coordinates = new Float64Array(points * 2);
  let at = 0;
  for (const country of collection.features) {
    const polygons = country.geometry.type === 'Polygon' ? [country.geometry.coordinates] : country.geometry.coordinates;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          coordinates[at++] = lon;
          coordinates[at++] = lat;
        }
      }
    }
  }
  return { countries, ringLengths: Uint32Array.from(ringLengths), coordinates };
}

/**
 * The countries back as GeoJSON features whose coordinates are built when first read: the
 * outlines layer reads those in view for the first picture and the others in slices after it,
 * so no task builds all of them. Their bounds are known at once.
 */
export function unpackCountries(packed: PackedCountries): CountryCollection {
  let ring = 0;
  let point = 0;
  const features = packed.countries.map((country): CountryFeature => {
    const firstRing = ring;
    const firstPoint = point;
    for (const rings of country.ringsPerPolygon) {
      for (let index = 0; index < rings; index++) point += packed.ringLengths[ring++];
    }
    let built: Position[][][] | null = null;
    const polygons = () => {
      if (built) return built;
      let nextRing = firstRing;
      let nextPoint = firstPoint;
      built = country.ringsPerPolygon.map((rings) => {
        const polygon: Position[][] = [];
        for (let index = 0; index < rings; index++) {
          const length = packed.ringLengths[nextRing++];
          const positions: Position[] = new Array(length);
          for (let p = 0; p < length; p++, nextPoint++) positions[p] = [packed.coordinates[nextPoint * 2], packed.coordinates[nextPoint * 2 + 1]];
          polygon.push(positions);
        }
        return polygon;
      });
      return built;
    };
    const geometry: Polygon | MultiPolygon =
      country.type === 'Polygon'
        ? {
            type: 'Polygon',
            get coordinates() {
              return polygons()[0];
            },
          }
        : {
            type: 'MultiPolygon',
            get coordinates() {
              return polygons();
            },
          };
    rememberBounds(geometry, country.bounds);
    return { type: 'Feature', ...(country.id === undefined ? {} : { id: country.id }), geometry, properties: country.properties };
  });
  return { type: 'FeatureCollection', features };
}
