import type { Scenario, ScenarioEvent } from '@lintas/contracts';
import { RouteMotion } from './route-motion';

/** A scenario ready to play: each team's motion, the events in time order, and when it ends. */
export interface ScenarioPlan {
  scenario: Scenario;
  motions: ReadonlyMap<string, RouteMotion>;
  /** Sorted by `at`; among equal offsets, in file order. */
  events: readonly ScenarioEvent[];
  /** Scenario seconds. */
  duration: number;
}

const MINIMUM_DURATION_SECONDS = 60;

export function planScenario(scenario: Scenario): ScenarioPlan {
  const motions = new Map(scenario.teams.map((team) => [team.callSign, new RouteMotion(team)]));
  const events = scenario.events.map((event, index) => ({ event, index })).sort((a, b) => a.event.at - b.event.at || a.index - b.index);
  const routeEnds = scenario.teams.filter((team) => !team.patrol).map((team) => motions.get(team.callSign)!.duration);
  const duration =
    scenario.duration ?? Math.max(MINIMUM_DURATION_SECONDS, ...routeEnds, ...scenario.events.map((event) => event.at));
  return { scenario, motions, events: events.map((entry) => entry.event), duration };
}
