import { distanceMetres, scenarioTeamSchema } from '@lintas/contracts';
import { RouteMotion } from './route-motion';

const team = (route: object[], extra: object = {}) =>
  scenarioTeamSchema.parse({ callSign: 'T-1', account: 'field@test.demo', speedKmh: 36, route, ...extra });

describe('route motion', () => {
  // 0.01° of latitude is 1,112 m; at 36 km/h (10 m/s) the leg takes 111.2 s.
  const straight = [{ lat: 10, lon: 100, dwell: 10 }, { lat: 10.01, lon: 100 }];

  it('waits at the first waypoint for its dwell, then moves north at the team speed', () => {
    const motion = new RouteMotion(team(straight));
    expect(motion.duration).toBeCloseTo(10 + 111.2, 0);
    expect(motion.at(5)).toEqual({ lat: 10, lon: 100, heading: null, speed: 0 });
    const halfway = motion.at(10 + 55.6);
    expect(halfway.lat).toBeCloseTo(10.005, 4);
    expect(halfway.heading).toBe(0);
    expect(halfway.speed).toBe(10);
  });

  it('stops at the last waypoint, or walks back when patrolling', () => {
    expect(new RouteMotion(team(straight)).at(500)).toEqual({ lat: 10.01, lon: 100, heading: null, speed: 0 });
    const patrol = new RouteMotion(team(straight, { patrol: true }));
    const returning = patrol.at(patrol.duration + 1 + 55.6);
    expect(returning.lat).toBeCloseTo(10.005, 3);
    expect(returning.heading).toBe(180);
  });

  it('resolves site codes to the bundled coordinates', () => {
    const motion = new RouteMotion(team([{ site: 'th-sadao' }, { site: 'my-bukit-kayu-hitam', speedKmh: 6 }]));
    expect(motion.at(0)).toMatchObject({ lat: 6.53, lon: 100.42 });
    expect(distanceMetres({ lat: 6.53, lon: 100.42 }, { lat: 6.515, lon: 100.42 })).toBeCloseTo(1668, -1);
    expect(motion.duration).toBeCloseTo(1668 / (6000 / 3600), -1);
  });
});
