import { bearingDegrees, distanceMetres, type LatLon, type ScenarioTeam } from '@lintas/contracts';
import { findSite } from './border-sites';

/** Where a team is at a moment of scenario time, and how it moves. */
export interface MotionSample extends LatLon {
  /** Degrees clockwise from north; null while the team stands still. */
  heading: number | null;
  /** Metres per second; 0 while the team stands still. */
  speed: number;
}

interface Leg {
  from: LatLon;
  to: LatLon;
  /** Scenario seconds. */
  start: number;
  travel: number;
  dwell: number;
}

/**
 * A team's route as legs in scenario time: it starts at the first waypoint (after that waypoint's
 * dwell), travels each leg at the waypoint's speed (or the team's) and dwells at each waypoint.
 * A patrolling team walks the route back and forth until the scenario ends.
 */
export class RouteMotion {
  private readonly legs: Leg[] = [];
  private readonly start: LatLon;
  /** Scenario seconds to walk the route once, end to end, dwells included. */
  readonly duration: number;

  constructor(private readonly team: ScenarioTeam) {
    const points = team.route.map(waypointPoint);
    this.start = points[0];
    let clock = team.route[0].dwell;
    for (let i = 1; i < points.length; i++) {
      const speedMps = ((team.route[i].speedKmh ?? team.speedKmh) * 1000) / 3600;
      const travel = distanceMetres(points[i - 1], points[i]) / speedMps;
      const leg = { from: points[i - 1], to: points[i], start: clock, travel, dwell: team.route[i].dwell };
      this.legs.push(leg);
      clock += travel + leg.dwell;
    }
    this.duration = clock;
  }

  /** The team's position `seconds` after the start of the scenario. */
  at(seconds: number): MotionSample {
    if (this.legs.length === 0 || this.duration === 0) return { ...this.start, heading: null, speed: 0 };
    let t = Math.max(0, seconds);
    let reversed = false;
    if (this.team.patrol) {
      const lap = Math.floor(t / this.duration);
      t -= lap * this.duration;
      reversed = lap % 2 === 1;
      if (reversed) t = this.duration - t;
    } else if (t >= this.duration) {
      return { ...this.legs[this.legs.length - 1].to, heading: null, speed: 0 };
    }
    if (t < this.legs[0].start) return { ...this.start, heading: null, speed: 0 };
    const leg = [...this.legs].reverse().find((candidate) => candidate.start <= t) ?? this.legs[0];
    const into = t - leg.start;
    if (into >= leg.travel) return { ...leg.to, heading: null, speed: 0 };
    const fraction = leg.travel === 0 ? 1 : into / leg.travel;
    const point = {
      lat: leg.from.lat + (leg.to.lat - leg.from.lat) * fraction,
      lon: leg.from.lon + (leg.to.lon - leg.from.lon) * fraction,
    };
    const [from, to] = reversed ? [leg.to, leg.from] : [leg.from, leg.to];
    const speed = leg.travel === 0 ? 0 : distanceMetres(leg.from, leg.to) / leg.travel;
    return { ...roundPoint(point), heading: Math.round(bearingDegrees(from, to)), speed: Math.round(speed * 10) / 10 };
  }
}

export function waypointPoint(waypoint: { site?: string; lat?: number; lon?: number }): LatLon {
  if (waypoint.site !== undefined) {
    const site = findSite(waypoint.site);
    if (!site) throw new Error(`unknown site code ${waypoint.site}`);
    return { lat: site.lat, lon: site.lon };
  }
  return { lat: waypoint.lat as number, lon: waypoint.lon as number };
}

/** Six decimals: about 10 cm, more than any field GPS gives. */
function roundPoint(point: LatLon): LatLon {
  return { lat: Math.round(point.lat * 1e6) / 1e6, lon: Math.round(point.lon * 1e6) / 1e6 };
}
