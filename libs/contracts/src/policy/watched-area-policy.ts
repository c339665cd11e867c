import { isCommanding, type Actor } from './actor';
import { isInsideArea } from './tasking-policy';

/** Marking an area watched: a commander (or admin) of an agency writing in the operation (observers are refused before, as for every write). */
export function mayWatchArea(actor: Pick<Actor, 'role'>): boolean {
  return isCommanding(actor);
}

/** Removing a watched area: a commander (or admin) of the agency that marked it. */
export function mayRemoveWatchedArea(actor: Pick<Actor, 'role' | 'agencyId'>, area: { originAgencyId: string }): boolean {
  return isCommanding(actor) && actor.agencyId === area.originAgencyId;
}

/** Inside a GeoJSON polygon: inside its outer ring and in none of its holes. */
export function isInsidePolygon(point: { lat: number; lon: number }, rings: readonly (readonly (readonly [number, number])[])[]): boolean {
  const [shell, ...holes] = rings;
  return shell !== undefined && isInsideArea(point, shell) && !holes.some((hole) => isInsideArea(point, hole));
}

/**
 * Whether the watched area has gone without a team long enough to alert: the last time a team was
 * seen inside is `noTeamMinutes` or more before `now`, and this lapse has not been alerted yet.
 */
export function isWatchedAreaLapsing(area: { lastTeamInsideAt: string; noTeamMinutes: number; lapsed: boolean }, now: Date): boolean {
  return !area.lapsed && now.getTime() - new Date(area.lastTeamInsideAt).getTime() >= area.noTeamMinutes * 60_000;
}
