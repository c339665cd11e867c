import { randomUUID } from 'node:crypto';
import {
  createReportSchema,
  SocketEvents,
  type Ack,
  type CreateReport,
  type LatLon,
  type PositionInput,
  isScenarioRequestEvent,
  type ScenarioEvent,
  type ScenarioTeamEvent,
  type Team,
} from '@lintas/contracts';
import { ApiError, delay, LintasApi } from '../client/lintas-api';
import { connectOpsSocket, subscribe, waitForConnect, type OpsSocket } from '../client/ops-socket';
import { findSite } from '../scenario/border-sites';
import { waypointPoint } from '../scenario/route-motion';
import type { ScenarioPlan } from '../scenario/scenario-plan';
import { resolveOperation, siteId, type OperationTarget } from './operation-target';
import { clock, emptyTally, summaryLine, type Tally } from './progress';
import { postRequestEvent } from './request-events';
import { isTaskEvent, postTaskEvent } from './task-events';

export interface PlayOptions {
  url: string;
  /** The password of the scenario's accounts. */
  password: string;
  /** Scenario seconds per real second. */
  speed: number;
  /** Drive this operation instead of the scenario's. */
  operationCode?: string;
  allowLive: boolean;
  /** Play the scenario this many times in a row (the demo loops). */
  laps: number;
  /** Real milliseconds between two summary lines. */
  summaryEveryMs: number;
  /** Aborting stops the play cleanly: in-flight posts finish, sockets close. */
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface PlayResult {
  tally: Tally;
  operationId: string;
  /** True when the play ran to its end, false when it was stopped. */
  completed: boolean;
}

/** The shortest real time between two position posts of one team: the API allows 5 a second. */
const MIN_POSITION_INTERVAL_MS = 250;
const ACK_TIMEOUT_MS = 10_000;
/** How long a stop waits for posts in flight. */
const DRAIN_TIMEOUT_MS = 15_000;

/**
 * Plays a scenario against a running Lintas through its public API only, as field teams would:
 * each team's field account signs in, posts its position over the live socket (`team:position`,
 * acknowledged once stored) and, when the link fails, keeps the positions in an outbox that goes
 * up through the REST batch later; reports go through REST with a client-generated id, so a retry
 * is stored once.
 */
export async function playScenario(plan: ScenarioPlan, options: PlayOptions): Promise<PlayResult> {
  const { scenario } = plan;
  const log = options.log;
  const emails = [...new Set([...scenario.teams.map((team) => team.account), ...scenario.commanders])];
  const accounts = new Map<string, LintasApi>();
  for (const email of emails) accounts.set(email, await LintasApi.signIn(options.url, email, options.password));
  const target = await resolveOperation(scenario, accounts, { operationCode: options.operationCode, allowLive: options.allowLive, log });
  const { operation } = target;
  log(
    `${scenario.title}: ${scenario.teams.length} teams, ${plan.events.length} events over ${clock(plan.duration)} of scenario time` +
      ` at ${options.speed}× (${clock(plan.duration / options.speed)} real) on ${operation.code}${operation.exercise ? ' [EXERCISE]' : ' [LIVE]'}`,
  );

  const sockets = new Map<string, OpsSocket>();
  for (const team of scenario.teams) {
    if (sockets.has(team.account)) continue;
    const api = accounts.get(team.account) as LintasApi;
    const socket = connectOpsSocket(options.url, () => api.accessToken);
    socket.on('connect_error', () => void api.renew().catch(() => undefined));
    sockets.set(team.account, socket);
    await waitForConnect(socket);
    await subscribe(socket, operation.id);
  }

  const tally = emptyTally();
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const outboxes = new Map<string, PositionInput[]>(scenario.teams.map((team) => [team.callSign, []]));
  // A team does one thing after another: at high speed two of its events fall due at once, and
  // sent side by side they could be stored in the other order (a status change overtaking another).
  const teamTurns = new SerialQueues();
  /** The tasks this play gave, by title: `task-update` events name them so. */
  const taskIds = new Map<string, string>();
  /** The requests this play sent, by subject: their answers, hand-overs and tasks name them so. */
  const requestIds = new Map<string, string>();
  let scenarioNow = 0;
  const summaryTimer = setInterval(() => log(summaryLine(tally, scenarioNow, plan.duration, inFlight.size)), options.summaryEveryMs);
  let completed = false;

  try {
    for (let lap = 0; lap < options.laps && !options.signal.aborted; lap++) {
      if (lap > 0) log(`── lap ${lap + 1} of ${options.laps}`);
      const start = Date.now();
      const now = () => ((Date.now() - start) / 1000) * options.speed;
      const pending = [...plan.events];
      const nextPosition = new Map(scenario.teams.map((team) => [team.callSign, 0]));
      while (!options.signal.aborted) {
        scenarioNow = now();
        if (scenarioNow >= plan.duration && pending.length === 0) break;
        for (const team of scenario.teams) {
          if (Date.now() < (nextPosition.get(team.callSign) as number)) continue;
          nextPosition.set(team.callSign, Date.now() + Math.max(MIN_POSITION_INTERVAL_MS, (team.positionEvery * 1000) / options.speed));
          const sample = (plan.motions.get(team.callSign) as NonNullable<ReturnType<typeof plan.motions.get>>).at(Math.min(scenarioNow, plan.duration));
          const position: PositionInput = {
            lat: sample.lat,
            lon: sample.lon,
            heading: sample.heading,
            speed: sample.speed,
            accuracy: 10,
            at: new Date().toISOString(),
          };
          const teamId = (target.teams.get(team.callSign) as Team).id;
          track(postPosition(sockets.get(team.account) as OpsSocket, accounts.get(team.account) as LintasApi, operation.id, teamId, position, outboxes.get(team.callSign) as PositionInput[], tally, log, team.callSign));
        }
        while (pending.length > 0 && pending[0].at <= scenarioNow) {
          const event = pending.shift() as ScenarioEvent;
          if (isScenarioRequestEvent(event)) {
            // A request's steps one after another (sent before answered), side by side with the teams'.
            track(teamTurns.next(`request:${event.subject}`, () => postRequestEvent(event, { target, accounts, requestIds, tally, log })));
            continue;
          }
          const where = (plan.motions.get(event.team) as NonNullable<ReturnType<typeof plan.motions.get>>).at(event.at);
          const post = () =>
            isTaskEvent(event)
              ? postTaskEvent(event, { target, accounts, teamAccount: teamAccount(plan, event.team), teamAt: where, taskIds, requestIds, tally, log })
              : postEvent(event, target, accounts.get(teamAccount(plan, event.team)) as LintasApi, where, tally, log);
          // A task answering a request also waits for the request's earlier steps (its acceptance).
          const answers = event.kind === 'task' ? event.request : undefined;
          track(teamTurns.next(event.team, answers === undefined ? post : () => teamTurns.next(`request:${answers}`, post)));
        }
        await delay(50, options.signal);
      }
      if (!options.signal.aborted) tally.laps++;
    }
    completed = !options.signal.aborted;
  } finally {
    clearInterval(summaryTimer);
    if (options.signal.aborted) log(`stopping: waiting for ${inFlight.size} post(s) in flight`);
    await Promise.race([Promise.allSettled([...inFlight]), delay(DRAIN_TIMEOUT_MS)]);
    await flushOutboxes(plan, target, accounts, outboxes, tally, log);
    for (const socket of sockets.values()) socket.disconnect();
    log(summaryLine(tally, scenarioNow, plan.duration, inFlight.size));
  }
  return { tally, operationId: operation.id, completed };
}

/** Work queued under one key runs one at a time, in the order queued; keys run side by side. */
class SerialQueues {
  private readonly tails = new Map<string, Promise<void>>();

  next(key: string, work: () => Promise<void>): Promise<void> {
    const run = (this.tails.get(key) ?? Promise.resolve()).then(work, work);
    this.tails.set(key, run);
    return run;
  }
}

function teamAccount(plan: ScenarioPlan, callSign: string): string {
  return (plan.scenario.teams.find((team) => team.callSign === callSign) as { account: string }).account;
}

async function postPosition(
  socket: OpsSocket,
  api: LintasApi,
  operationId: string,
  teamId: string,
  position: PositionInput,
  outbox: PositionInput[],
  tally: Tally,
  log: (line: string) => void,
  callSign: string,
): Promise<void> {
  tally.positionsSent++;
  if (!socket.connected) {
    outbox.push(position);
    return;
  }
  try {
    const answer = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(SocketEvents.postPosition, { operationId, teamId, position })) as Ack;
    if (answer.ok) {
      tally.positionsStored++;
      if (outbox.length > 0) await uploadOutbox(api, operationId, teamId, outbox, tally, log, callSign);
      return;
    }
    tally.positionsFailed++;
    log(`   ${callSign}: position refused: ${answer.error.status} ${answer.error.message}`);
  } catch {
    // No acknowledgement: the link dropped. Keep it for the REST batch, as a field outbox does.
    outbox.push(position);
  }
}

async function uploadOutbox(api: LintasApi, operationId: string, teamId: string, outbox: PositionInput[], tally: Tally, log: (line: string) => void, callSign: string): Promise<void> {
  const positions = outbox.splice(0, outbox.length);
  try {
    await api.call((client) => client.POST('/api/operations/{operationId}/teams/{teamId}/positions', { params: { path: { operationId, teamId } }, body: { positions } }), { retries: 4 });
    tally.positionsStored += positions.length;
    tally.positionsFromOutbox += positions.length;
  } catch (error) {
    tally.positionsFailed += positions.length;
    log(`   ${callSign}: outbox of ${positions.length} position(s) not delivered: ${(error as Error).message}`);
  }
}

async function flushOutboxes(
  plan: ScenarioPlan,
  target: OperationTarget,
  accounts: ReadonlyMap<string, LintasApi>,
  outboxes: Map<string, PositionInput[]>,
  tally: Tally,
  log: (line: string) => void,
): Promise<void> {
  for (const team of plan.scenario.teams) {
    const outbox = outboxes.get(team.callSign) as PositionInput[];
    if (outbox.length === 0) continue;
    const teamId = (target.teams.get(team.callSign) as Team).id;
    await uploadOutbox(accounts.get(team.account) as LintasApi, target.operation.id, teamId, outbox, tally, log, team.callSign);
  }
}

async function postEvent(
  event: Exclude<ScenarioTeamEvent, { kind: 'task' | 'task-update' }>,
  target: OperationTarget,
  api: LintasApi,
  teamAt: LatLon,
  tally: Tally,
  log: (line: string) => void,
): Promise<void> {
  const team = target.teams.get(event.team) as Team;
  const stamp = `[t+${clock(event.at)}] ${event.team.padEnd(14)} ${event.kind.padEnd(14)}`;
  if (event.kind === 'status') {
    try {
      await api.call((client) => client.POST('/api/teams/{id}/status', { params: { path: { id: team.id } }, body: { status: event.status } }), { retries: 4 });
      tally.statusChanges++;
      log(`${stamp} → ${event.status}`);
    } catch (error) {
      tally.statusFailed++;
      log(`${stamp} FAILED: ${(error as Error).message}`);
    }
    return;
  }
  let report: CreateReport;
  try {
    report = await reportFor(event, target, api, team, teamAt);
  } catch (error) {
    tally.reportsFailed++;
    log(`${stamp} FAILED: ${(error as Error).message}`);
    return;
  }
  try {
    // The same clientId on every retry: the API stores the report once.
    await api.call((client) => client.POST('/api/operations/{operationId}/reports', { params: { path: { operationId: target.operation.id } }, body: report }), { retries: 4 });
    tally.reportsPosted++;
    const counts = report.interception ? `, ${report.interception.persons} persons` : '';
    log(`${stamp} "${report.title}" (${report.marking}${counts})`);
  } catch (error) {
    tally.reportsFailed++;
    const detail = error instanceof ApiError && error.body?.issues ? ` ${JSON.stringify(error.body.issues)}` : '';
    log(`${stamp} FAILED: ${(error as Error).message}${detail}`);
  }
}

/** The report a scheduled event posts, checked against the contracts before it goes out. */
async function reportFor(
  event: Exclude<ScenarioTeamEvent, { kind: 'status' | 'task' | 'task-update' }>,
  target: OperationTarget,
  api: LintasApi,
  team: Team,
  teamAt: LatLon,
): Promise<CreateReport> {
  let { lat, lon } = teamAt;
  let site: string | null = null;
  if (typeof event.place === 'object') {
    const point = waypointPoint(event.place);
    lat = point.lat;
    lon = point.lon;
    if (event.place.site) site = await siteId(target, api, event.place.site);
  }
  const recipientAgencyIds = event.recipients.map((code) => {
    const id = target.agencyIds.get(code);
    if (!id) throw new Error(`recipient ${code} is not an agency of operation ${target.operation.code}`);
    return id;
  });
  const base = {
    clientId: randomUUID(),
    lat,
    lon,
    siteId: site,
    occurredAt: new Date().toISOString(),
    teamId: team.id,
    marking: event.marking,
    recipientAgencyIds,
  };
  if (event.kind === 'document-check') {
    const document = event.document;
    const where = typeof event.place === 'object' && event.place.site ? ` at ${findSite(event.place.site)?.name ?? event.place.site}` : '';
    return createReportSchema.parse({
      ...base,
      kind: 'alert',
      title: event.title ?? `${event.list} hit: ${document.issuingCountry} ${document.type.replace('_', ' ')}`,
      narrative:
        event.narrative ||
        `Document check${where}: a ${document.type.replace('_', ' ')} issued by ${document.issuingCountry}` +
          `${document.numberEnding ? ` (number ending ${document.numberEnding})` : ''} is listed in ${event.list}. Holder held for questioning.`,
      interception: null,
    });
  }
  return createReportSchema.parse({
    ...base,
    kind: event.kind,
    title: event.title,
    narrative: event.narrative,
    interception: event.kind === 'interception' ? event.interception : null,
  });
}
