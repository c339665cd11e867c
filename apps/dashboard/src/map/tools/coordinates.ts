import turfBearing from '@turf/bearing';
import turfDistance from '@turf/distance';
import { forward, toPoint } from 'mgrs';

/** A point on the map, in decimal degrees (WGS 84). */
export interface LatLon {
  lat: number;
  lon: number;
}

/** `11.06700, 106.12000`: five decimals, about a metre. */
export function formatDecimal({ lat, lon }: LatLon): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/** `48P XS 12345 67890` (1 m), or null outside MGRS's latitudes (beyond 84° N / 80° S). */
export function formatMgrs({ lat, lon }: LatLon): string | null {
  if (lat > 84 || lat < -80) return null;
  try {
    const raw = forward([wrapLon(lon), lat], 5);
    const match = /^(\d{1,2}[C-X])([A-Z]{2})(\d{5})(\d{5})$/.exec(raw);
    return match ? `${match[1]} ${match[2]} ${match[3]} ${match[4]}` : raw;
  } catch {
    return null;
  }
}

/** Both forms on one line, as copied to the clipboard. */
export function formatPoint(point: LatLon): string {
  const mgrs = formatMgrs(point);
  return mgrs ? `${formatDecimal(point)} (MGRS ${mgrs})` : formatDecimal(point);
}

const DECIMAL = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:\.\d+)?)\s*$/;

/**
 * What someone types into "go to": `11.067, 106.12` (latitude first, as read aloud) or an MGRS
 * reference (`48P XS 1234 5678`, spaces optional). Null when it is neither or out of range.
 */
export function parseCoordinates(text: string): LatLon | null {
  const decimal = DECIMAL.exec(text);
  if (decimal) {
    const lat = Number(decimal[1]);
    const lon = Number(decimal[2]);
    return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
  }
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (!/^\d{1,2}[C-X][A-Z]{2}(\d{2}|\d{4}|\d{6}|\d{8}|\d{10})$/.test(compact)) return null;
  try {
    const [lon, lat] = toPoint(compact);
    return Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
  } catch {
    return null;
  }
}

/** Great-circle distance in metres and initial bearing in degrees (0–360, clockwise from true north). */
export function measure(from: LatLon, to: LatLon): { metres: number; bearing: number } {
  const a = [from.lon, from.lat];
  const b = [to.lon, to.lat];
  const metres = turfDistance(a, b, { units: 'kilometers' }) * 1000;
  const bearing = (turfBearing(a, b) + 360) % 360;
  return { metres, bearing };
}

/** `850 m`, `12.35 km`. */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(metres < 100_000 ? 2 : 1)} km`;
}

/** `045°`. */
export function formatBearing(degrees: number): string {
  return `${String(Math.round(degrees) % 360).padStart(3, '0')}°`;
}

function wrapLon(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}
