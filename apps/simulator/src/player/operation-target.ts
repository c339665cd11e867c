import type { Operation, OperationSummary, Scenario, ScenarioTeam, Site, Team } from '@lintas/contracts';
import { ApiError, type LintasApi } from '../client/lintas-api';

/** A scenario that cannot be played against this API as it stands; the message says why. */
export class PlayRefused extends Error {}

/** What the player needs to know about the operation it drives, found through the public API. */
export interface OperationTarget {
  operation: Operation;
  /** Call sign → the team in the operation. */
  teams: Map<string, Team>;
  /** Agency code → id, for the recipients of TLP:RED items. */
  agencyIds: Map<string, string>;
  /** Site code → id; filled as sites are looked up. */
  siteIds: Map<string, string | null>;
}

export async function resolveOperation(
  scenario: Scenario,
  accounts: ReadonlyMap<string, LintasApi>,
  options: { operationCode?: string; allowLive: boolean; log: (line: string) => void },
): Promise<OperationTarget> {
  const code = options.operationCode ?? scenario.operation;
  const first = accounts.get(scenario.teams[0].account) as LintasApi;
  const visible = await first.call<OperationSummary[]>((client) => client.GET('/api/operations'), { retries: 4 });
  const summary = visible.find((operation) => operation.code === code);
  if (!summary) {
    throw new PlayRefused(
      `Operation ${code} is not visible to ${first.email} (it sees ${visible.map((operation) => operation.code).join(', ') || 'no operation'})`,
    );
  }
  if (!summary.exercise && !options.allowLive) {
    throw new PlayRefused(`Operation ${code} is a live operation, not an exercise: the scenario player drives only exercises unless given --allow-live`);
  }
  if (summary.status === 'closed') throw new PlayRefused(`Operation ${code} is closed: it accepts no more reports or positions`);
  if (summary.status !== 'active') options.log(`note: operation ${code} is ${summary.status}, not active`);

  const operation = await first.call<Operation>((client) => client.GET('/api/operations/{id}', { params: { path: { id: summary.id } } }), { retries: 4 });
  const target: OperationTarget = {
    operation,
    teams: new Map(),
    agencyIds: new Map(operation.participants.map((participant) => [participant.agency.code, participant.agency.id])),
    siteIds: new Map(operation.sites.map((site) => [site.code, site.id])),
  };
  for (const team of scenario.teams) {
    target.teams.set(team.callSign, await findOrDeployTeam(scenario, team, accounts, operation, options.log));
  }
  return target;
}

async function findOrDeployTeam(
  scenario: Scenario,
  team: ScenarioTeam,
  accounts: ReadonlyMap<string, LintasApi>,
  operation: Operation,
  log: (line: string) => void,
): Promise<Team> {
  const field = accounts.get(team.account) as LintasApi;
  const existing = (await field.call<Team[]>((client) => client.GET('/api/operations/{id}/teams', { params: { path: { id: operation.id } } }), { retries: 4 })).find((candidate) => candidate.callSign === team.callSign);
  if (existing) {
    // A field officer posts only for a team it is in; a commander relays for its agency's teams (the API's rule).
    if (field.user.role === 'field' && !existing.members.some((member) => member.userId === field.user.id)) {
      throw new PlayRefused(`${field.email} is not a member of team ${team.callSign}: a field account posts only for its own team`);
    }
    return existing;
  }
  const commander = scenario.commanders
    .map((email) => accounts.get(email) as LintasApi)
    .find((account) => account.user.agency.id === field.user.agency.id);
  if (!commander) {
    throw new PlayRefused(
      `Operation ${operation.code} has no team ${team.callSign}, and the scenario names no commander of ${field.user.agency.code} to deploy it`,
    );
  }
  try {
    const created = await commander.call<Team>((client) =>
      client.POST('/api/operations/{id}/teams', {
        params: { path: { id: operation.id } },
        body: { callSign: team.callSign, size: team.size, status: 'on_station', memberUserIds: [field.user.id], marking: team.marking },
      }),
    );
    log(`deployed team ${team.callSign} (${field.user.agency.code}) with ${field.email}, as ${commander.email}`);
    return created;
  } catch (error) {
    if (error instanceof ApiError) throw new PlayRefused(`Deploying team ${team.callSign} was refused: ${error.message}`);
    throw error;
  }
}

/** The API's id of a border site, by code; null when the API does not know the site. */
export async function siteId(target: OperationTarget, api: LintasApi, code: string): Promise<string | null> {
  if (target.siteIds.has(code)) return target.siteIds.get(code) ?? null;
  const found = (await api.call<Site[]>((client) => client.GET('/api/sites', { params: { query: { q: code } } }), { retries: 4 })).find((site) => site.code === code);
  target.siteIds.set(code, found?.id ?? null);
  return found?.id ?? null;
}
