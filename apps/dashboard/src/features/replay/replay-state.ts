import type { OperationSnapshot, ReplayWindow, TeamPosition } from '@lintas/contracts';
import { type ConnectionState, initialOperationState, operationReducer, type OperationState, TRAIL_MAX_AGE_MS, type TrailPoint } from '../../realtime/operation-state';

/**
 * The picture the operation view draws for a replayed moment: the server's state at the moment
 * (`snapshot`, filtered by the caller's markings as items were marked then), the timeline of the
 * window's events up to it, and each team's trail of the preceding minutes from the window's
 * tracks. Between two answers of the server the teams move on along their tracks to `at`.
 */
export function replayedState(snapshot: OperationSnapshot, window: ReplayWindow | null, at: number, connection: ConnectionState): OperationState {
  let state = operationReducer(initialOperationState, { type: 'snapshot', snapshot, at });
  const events = (window?.events ?? []).filter((event) => event.seq <= snapshot.seq && Date.parse(event.at) <= at);
  state = operationReducer(state, { type: 'history-loaded', events });
  if (!window) return { ...state, connection };

  const tracks = new Map(window.tracks.map((track) => [track.teamId, track.points]));
  const teams = new Map(state.teams);
  const trails = new Map<string, readonly TrailPoint[]>();
  for (const team of state.teams.values()) {
    const points = tracks.get(team.id) ?? [];
    const trail = points.filter((point) => {
      const time = Date.parse(point.at);
      return time <= at && at - time <= TRAIL_MAX_AGE_MS;
    });
    const newest = trail.at(-1);
    const position = team.lastPosition;
    if (newest && (!position || Date.parse(newest.at) > Date.parse(position.at))) {
      const moved: TeamPosition = { teamId: team.id, lat: newest.lat, lon: newest.lon, heading: null, speed: null, accuracy: null, at: newest.at };
      teams.set(team.id, { ...team, lastPosition: moved, stale: false });
    }
    const last = teams.get(team.id)?.lastPosition;
    if (last && (!newest || Date.parse(last.at) > Date.parse(newest.at))) trail.push({ lat: last.lat, lon: last.lon, at: last.at });
    if (trail.length > 0) trails.set(team.id, trail);
  }
  return { ...state, teams, trails, connection };
}
