import type { Operation, Team } from '@lintas/contracts';
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { operationFetchedAhead } from '../../realtime/snapshot-prefetch';

type Bounds = [[number, number], [number, number]];

export interface MapFraming {
  /** Where the map is created: the view this browser last had, else the operation's area when already known. */
  initialBounds: Bounds | undefined;
  /** Points to frame once, when the operation becomes known after the map was created on the region. */
  frameOnce: Array<[number, number]> | undefined;
  /** Remembers the view the user moves to (once the map shows the operation, not the region before it). */
  remember(bounds: L.LatLngBounds): void;
}

/**
 * The map's view memory: the view this user last had of this operation, else its area when already
 * known, else the region until the operation is known — from its prefetch (while the snapshot is
 * still on its way) or from the snapshot — and then framed on it once, before the layers draw.
 */
export function useMapFraming(operationId: string, operation: Operation | null): MapFraming {
  const [initialBounds] = useState(() => storedView(operationId) ?? boundsAround(operationFetchedAhead(operationId)?.value ?? null));
  const [ahead, setAhead] = useState<Operation | null>(null);
  useEffect(() => {
    if (initialBounds) return;
    let current = true;
    operationFetchedAhead(operationId)?.operation.then((fetched) => current && fetched && setAhead(fetched));
    return () => {
      current = false;
    };
  }, [initialBounds, operationId]);
  const frameSource = operation ?? ahead;
  const frameOnce = useMemo(() => (initialBounds || !frameSource ? undefined : operationPoints(frameSource, [])), [initialBounds, frameSource]);
  const framed = initialBounds !== undefined || frameOnce !== undefined;
  const remember = useCallback((bounds: L.LatLngBounds) => framed && storeView(operationId, bounds), [framed, operationId]);
  return { initialBounds, frameOnce, remember };
}

/** What "fit the operation" frames: the area of operations, else its sites and team positions. */
export function operationPoints(operation: Operation, teams: Iterable<Team>): Array<[number, number]> {
  if (operation.area) return operation.area.coordinates[0].map(([lon, lat]) => [lat, lon]);
  const points: Array<[number, number]> = operation.sites.map((site) => [site.lat, site.lon]);
  for (const team of teams) if (team.lastPosition) points.push([team.lastPosition.lat, team.lastPosition.lon]);
  return points;
}

/** The bounds "fit the operation" would frame, with the same margin, for a map created there. */
function boundsAround(operation: Operation | null): Bounds | undefined {
  if (!operation) return undefined;
  const points = operationPoints(operation, []);
  if (points.length === 0) return undefined;
  const bounds = L.latLngBounds(points.map(([lat, lon]) => L.latLng(lat, lon))).pad(0.15);
  return [
    [bounds.getSouth(), bounds.getWest()],
    [bounds.getNorth(), bounds.getEast()],
  ];
}

const VIEW_KEY = 'lintas.view.';

/** The map view this browser last had of the operation, if any. */
function storedView(operationId: string): Bounds | undefined {
  try {
    const raw = localStorage.getItem(VIEW_KEY + operationId);
    const value = raw ? (JSON.parse(raw) as unknown) : null;
    if (Array.isArray(value) && value.length === 4 && value.every((n) => typeof n === 'number' && Number.isFinite(n))) {
      const [south, west, north, east] = value as number[];
      if (south < north && west < east) return [[south, west], [north, east]];
    }
  } catch {
    // no storage, or not ours: start from the region
  }
  return undefined;
}

function storeView(operationId: string, bounds: L.LatLngBounds): void {
  try {
    localStorage.setItem(VIEW_KEY + operationId, JSON.stringify([bounds.getSouth(), bounds.getWest(), bounds.getNorth(), bounds.getEast()].map((n) => Math.round(n * 1e4) / 1e4)));
  } catch {
    // not remembered
  }
}
