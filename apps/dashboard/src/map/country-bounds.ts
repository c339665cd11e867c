import type { MultiPolygon, Polygon } from 'geojson';
import type { LatLngBoundsLiteral } from 'leaflet';

/** Bounds by geometry, found once: the outlines layer sorts every country by its box at each draw. */
const boundsByGeometry = new WeakMap<Polygon | MultiPolygon, LatLngBoundsLiteral>();

/** `[[south, west], [north, east]]` of a country's geometry (remembered per geometry object). */
export function geometryBounds(geometry: Polygon | MultiPolygon): LatLngBoundsLiteral {
  let bounds = boundsByGeometry.get(geometry);
  if (!bounds) boundsByGeometry.set(geometry, (bounds = measureBounds(geometry)));
  return bounds;
}

function measureBounds(geometry: Polygon | MultiPolygon): LatLngBoundsLiteral {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const [lon, lat] of ring) {
        if (lat < south) south = lat;
        if (lat > north) north = lat;
        if (lon < west) west = lon;
        if (lon > east) east = lon;
      }
    }
  }
  return [
    [south, west],
    [north, east],
  ];
}


/** Bounds already known (measured where the geometry was built: at build time, for the outlines file). */
export function rememberBounds(geometry: Polygon | MultiPolygon, bounds: LatLngBoundsLiteral): void {
  boundsByGeometry.set(geometry, bounds);
}
