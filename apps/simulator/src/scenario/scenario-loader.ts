import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { scenarioSchema, type Scenario } from '@lintas/contracts';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { findSite, similarSiteCodes } from './border-sites';

/** The scenarios shipped with the simulator, picked by name (`--scenario mekong-river-crossing`). */
export const BUILT_IN_SCENARIOS_DIR = resolve(__dirname, '../../scenarios');

/** A scenario file that cannot be played: where it came from, and each problem with its path. */
export class ScenarioError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source} is not a valid scenario:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

export interface LoadedScenario {
  scenario: Scenario;
  /** The file it was read from. */
  source: string;
}

export function listBuiltInScenarios(): string[] {
  if (!existsSync(BUILT_IN_SCENARIOS_DIR)) return [];
  return readdirSync(BUILT_IN_SCENARIOS_DIR)
    .filter((file) => /\.(ya?ml|json)$/.test(file))
    .map((file) => basename(file, extname(file)))
    .sort();
}

/** A built-in scenario by name, or a JSON/YAML file by path. */
export function loadScenario(nameOrFile: string, cwd = process.cwd()): LoadedScenario {
  const source = resolveScenarioFile(nameOrFile, cwd);
  const format = extname(source) === '.json' ? 'json' : 'yaml';
  return { scenario: parseScenario(readFileSync(source, 'utf8'), format, source), source };
}

function resolveScenarioFile(nameOrFile: string, cwd: string): string {
  const asPath = resolve(cwd, nameOrFile);
  if (existsSync(asPath)) return asPath;
  for (const ext of ['.yaml', '.yml', '.json']) {
    const builtIn = resolve(BUILT_IN_SCENARIOS_DIR, `${nameOrFile}${ext}`);
    if (/^[a-z0-9-]+$/.test(nameOrFile) && existsSync(builtIn)) return builtIn;
  }
  throw new ScenarioError(nameOrFile, [`no such file, and no built-in scenario of that name (built in: ${listBuiltInScenarios().join(', ') || 'none'})`]);
}

/** Parses and validates scenario text: the contracts' schema, then the site codes against the bundled list. */
export function parseScenario(text: string, format: 'json' | 'yaml', source = 'scenario'): Scenario {
  let raw: unknown;
  try {
    raw = format === 'json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (error) {
    throw new ScenarioError(source, [`not valid ${format.toUpperCase()}: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(source, describeIssues(parsed.error.issues));
  const problems = unknownSites(parsed.data);
  if (problems.length) throw new ScenarioError(source, problems);
  return parsed.data;
}

function unknownSites(scenario: Scenario): string[] {
  const problems: string[] = [];
  const check = (code: string | undefined, path: string) => {
    if (code === undefined || findSite(code)) return;
    problems.push(`${path}: unknown site code "${code}" (did you mean ${similarSiteCodes(code).join(', ')}?)`);
  };
  scenario.teams.forEach((team, t) => team.route.forEach((waypoint, w) => check(waypoint.site, `teams[${t}].route[${w}].site`)));
  scenario.events.forEach((event, e) => {
    if ('place' in event && typeof event.place === 'object') check(event.place.site, `events[${e}].place.site`);
  });
  return problems;
}

/**
 * One line per problem, `path: message`. For a value that matches no branch of a union, the
 * branch that came closest speaks (fewest issues), rather than zod's bare "Invalid input".
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[] = []): string[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => unionBranchScore(a) - unionBranchScore(b))[0];
      return describeIssues(closest, path);
    }
    return [`${formatPath(path) || '(file)'}: ${issue.message}`];
  });
}

/** Fewer issues is closer; a branch rejected outright for its type or literal is farther. */
function unionBranchScore(issues: readonly z.core.$ZodIssue[]): number {
  const outright = issues.every((issue) => issue.path.length === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_value'));
  return issues.length + (outright ? 0.5 : 0);
}

function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}
