import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { createReportSchema, type PositionInput, type UserRole } from '@lintas/contracts';
import { AgenciesRepository } from '../agencies/agencies.repository';
import { AgenciesService } from '../agencies/agencies.service';
import type { AuthUser } from '../auth/auth-user';
import { OperationParticipantsService } from '../operations/operation-participants.service';
import { OperationsService } from '../operations/operations.service';
import { ReportsService } from '../reports/reports.service';
import { demoClientId } from './demo-client-id';
import { DemoTaskingSeeder } from './demo-tasking.service';
import { MEKONG_GATE_REQUESTS, MEKONG_GATE_TASKS } from './demo-tasking-data';
import { SitesRepository } from '../sites/sites.repository';
import { TeamsRepository } from '../teams/teams.repository';
import { TeamsService } from '../teams/teams.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { DemoHistoryRepository } from './demo-history.repository';
import { DocumentChecksService } from '../document-checks/document-checks.service';
import { DocumentListImportService } from '../document-checks/document-list-import.service';
import { DEMO_DOCUMENT_CHECKS, DEMO_DOCUMENT_LIST } from './demo-document-list';
import { DEMO_AGENCIES, DEMO_OPERATIONS, DEMO_USERS, type DemoOperation, type DemoReport, type DemoTeam } from './demo-data';

export interface DemoAccount {
  email: string;
  role: UserRole;
  agencyCode: string;
  name: string;
}

export interface DemoSeedResult {
  /** What this run added (all zero on a second start). */
  created: { agencies: number; users: number; operations: number; teams: number; reports: number };
  accounts: DemoAccount[];
}

/**
 * Seeds the demo world through the same services the API uses, so that the event log and the
 * audit trail hold what they would hold had people done it. Idempotent: agencies are keyed on
 * their code, users on their e-mail, operations on their code, teams on their call sign, reports
 * on a clientId derived from a fixed key; what exists is left as it is.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly agencyRows: AgenciesRepository,
    private readonly users: UsersService,
    private readonly userRows: UsersRepository,
    private readonly operations: OperationsService,
    private readonly participants: OperationParticipantsService,
    private readonly sites: SitesRepository,
    private readonly teams: TeamsService,
    private readonly teamRows: TeamsRepository,
    private readonly reports: ReportsService,
    private readonly history: DemoHistoryRepository,
    private readonly documentLists: DocumentListImportService,
    private readonly documentChecks: DocumentChecksService,
    private readonly tasking: DemoTaskingSeeder,
  ) {}

  /** `password`: of every account it creates (`config.demo.password`). */
  async seed(password: string): Promise<DemoSeedResult> {
    const created = { agencies: 0, users: 0, operations: 0, teams: 0, reports: 0 };
    const agencyIds = new Map<string, string>();

    // The first agency and its administrator exist before anyone could sign in to create them.
    const [firstAgency, ...otherAgencies] = DEMO_AGENCIES;
    const [adminSpec, ...otherUsers] = DEMO_USERS;
    agencyIds.set(firstAgency.code, await this.ensureAgency(firstAgency, null, created));
    const admin = await this.ensureUser(adminSpec, password, agencyIds, null, created);
    for (const agency of otherAgencies) agencyIds.set(agency.code, await this.ensureAgency(agency, admin, created));
    const people = new Map<string, AuthUser>([[admin.email, admin]]);
    for (const user of otherUsers) people.set(user.email, await this.ensureUser(user, password, agencyIds, admin, created));

    for (const operation of DEMO_OPERATIONS) await this.ensureOperation(operation, agencyIds, people, created);
    await this.ensureDocumentChecks(people);

    return {
      created,
      accounts: DEMO_USERS.map((user) => ({ email: user.email, role: user.role, agencyCode: user.agencyCode, name: user.name })),
    };
  }

  private async ensureAgency(spec: (typeof DEMO_AGENCIES)[number], admin: AuthUser | null, created: DemoSeedResult['created']): Promise<string> {
    const existing = await this.agencyRows.findByCode(spec.code);
    if (existing) return existing.id;
    created.agencies++;
    const agency = admin ? await this.agencies.create(admin, spec) : await this.agencies.createAsSystem(spec);
    return agency.id;
  }

  private async ensureUser(
    spec: (typeof DEMO_USERS)[number],
    password: string,
    agencyIds: Map<string, string>,
    admin: AuthUser | null,
    created: DemoSeedResult['created'],
  ): Promise<AuthUser> {
    const existing = await this.userRows.findByEmail(spec.email);
    if (existing) {
      return { id: existing.id, email: existing.email, name: existing.name, role: existing.role, agencyId: existing.agency_id, agencyCode: existing.agency_code };
    }
    created.users++;
    const input = { email: spec.email, name: spec.name, role: spec.role, agencyId: agencyIds.get(spec.agencyCode)! };
    // Demo accounts share the published demo password instead of each getting a set-password link.
    const user = await this.users.createWithPassword(admin, input, password);
    return { id: user.id, email: user.email, name: user.name, role: user.role, agencyId: user.agency.id, agencyCode: user.agency.code };
  }

  private async ensureOperation(
    spec: DemoOperation,
    agencyIds: Map<string, string>,
    people: Map<string, AuthUser>,
    created: DemoSeedResult['created'],
  ): Promise<void> {
    const lead = people.get(spec.leadCommanderEmail)!;
    const siteIds = new Map((await this.sites.findByCodes([...spec.siteCodes, ...spec.teams.map((t) => t.siteCode)])).map((s) => [s.code, s] as const));

    let operation = (await this.operations.list(lead)).find((o) => o.code === spec.code);
    const madeNow = !operation;
    if (!operation) {
      created.operations++;
      const now = Date.now();
      operation = await this.operations.create(lead, {
        code: spec.code,
        name: spec.name,
        description: spec.description,
        exercise: spec.exercise,
        timeZone: spec.timeZone,
        startsAt: new Date(now - spec.startsHoursAgo * 3_600_000).toISOString(),
        endsAt: new Date(now + spec.endsInHours * 3_600_000).toISOString(),
        area: spec.area,
      });
    }
    const operationId = operation.id;
    const current = await this.operations.getOperation(lead, operationId);
    for (const participant of spec.participants) {
      const agencyId = agencyIds.get(participant.agencyCode)!;
      if (!current.participants.some((p) => p.agency.id === agencyId)) {
        await this.participants.addParticipant(lead, operationId, { agencyId, role: participant.role });
      }
    }
    for (const code of spec.siteCodes) {
      const site = siteIds.get(code);
      if (site && !current.sites.some((s) => s.id === site.id)) await this.participants.attachSite(lead, operationId, site.id);
    }
    if (current.status === 'planned') await this.operations.transition(lead, operationId, 'active');

    const teamIds = new Map<string, string>();
    for (const team of spec.teams) teamIds.set(team.callSign, await this.ensureTeam(team, operationId, agencyIds, people, siteIds, created));
    // Oldest first, so that the event sequence follows the story's clock.
    const reports = [...spec.reports].sort((a, b) => b.minutesAgo - a.minutesAgo);
    for (const report of reports) await this.ensureReport(report, operationId, agencyIds, people, teamIds, siteIds, created);
    if (madeNow) await this.history.spreadOverTheStory(operationId);
    // Tasks and requests between agencies after the reports' story: their events keep their true (recent) times.
    if (spec.code === 'OP-MEKONG-GATE') {
      await this.tasking.seed(operationId, { requests: MEKONG_GATE_REQUESTS, tasks: MEKONG_GATE_TASKS }, people, agencyIds, teamIds, siteIds);
    }
  }

  /** The made-up list (the same file again changes nothing) and the scenario's checks (keyed clientIds). */
  private async ensureDocumentChecks(people: Map<string, AuthUser>): Promise<void> {
    await this.documentLists.import(people.get(DEMO_DOCUMENT_LIST.importerEmail)!, DEMO_DOCUMENT_LIST.agencyCode, Readable.from([Buffer.from(DEMO_DOCUMENT_LIST.csv)]));
    for (const check of DEMO_DOCUMENT_CHECKS) {
      const officer = people.get(check.officerEmail)!;
      const operation = (await this.operations.list(officer)).find((candidate) => candidate.code === check.operationCode);
      const team = operation ? await this.teamRows.findByCallSign(operation.id, check.teamCallSign) : null;
      if (!operation || !team) continue;
      await this.documentChecks.create(officer, operation.id, {
        clientId: demoClientId(`document-check:${check.key}`),
        teamId: team.id,
        documentType: check.documentType,
        issuingCountry: check.issuingCountry,
        documentNumber: check.documentNumber,
        expiryDate: null,
      });
    }
  }

  private async ensureTeam(
    spec: DemoTeam,
    operationId: string,
    agencyIds: Map<string, string>,
    people: Map<string, AuthUser>,
    sites: Map<string, { id: string }>,
    created: DemoSeedResult['created'],
  ): Promise<string> {
    const existing = await this.teamRows.findByCallSign(operationId, spec.callSign);
    if (existing) return existing.id;
    created.teams++;
    const commander = [...people.values()].find((p) => p.role === 'commander' && p.agencyCode === spec.agencyCode)!;
    const team = await this.teams.create(commander, operationId, {
      callSign: spec.callSign,
      size: spec.size,
      status: spec.status,
      siteId: sites.get(spec.siteCode)?.id ?? null,
      memberUserIds: spec.memberEmails.map((email) => people.get(email)!.id),
      marking: spec.marking,
      recipientAgencyIds: spec.recipientAgencyCodes.map((code) => agencyIds.get(code)!),
    });
    // Only for a team made now: a recorded track's times are relative to this start.
    if (spec.track) await this.teamRows.seedTrack(team.id, operationId, approachTrack(spec.track));
    return team.id;
  }

  private async ensureReport(
    spec: DemoReport,
    operationId: string,
    agencyIds: Map<string, string>,
    people: Map<string, AuthUser>,
    teamIds: Map<string, string>,
    sites: Map<string, { id: string; lat: number; lon: number }>,
    created: DemoSeedResult['created'],
  ): Promise<void> {
    const author = people.get(spec.authorEmail)!;
    const site = spec.siteCode ? sites.get(spec.siteCode) : undefined;
    const [dLat, dLon] = spec.offset ?? [0, 0];
    const input = createReportSchema.parse({
      clientId: demoClientId(spec.key),
      kind: spec.kind,
      title: spec.title,
      narrative: spec.narrative,
      lat: site ? round(Number(site.lat) + dLat) : null,
      lon: site ? round(Number(site.lon) + dLon) : null,
      siteId: site?.id ?? null,
      occurredAt: new Date(Date.now() - spec.minutesAgo * 60_000).toISOString(),
      teamId: spec.teamCallSign ? teamIds.get(spec.teamCallSign)! : null,
      marking: spec.marking,
      recipientAgencyIds: (spec.recipientAgencyCodes ?? []).map((code) => agencyIds.get(code)!),
      interception: spec.interception ?? null,
    });
    const { report, created: isNew } = await this.reports.create(author, operationId, input);
    if (isNew) created.reports++;
    if (spec.decision && report.status === 'reported') {
      const decider = people.get(spec.decision.byEmail)!;
      if (spec.decision.status === 'verified') await this.reports.verify(decider, report.id, spec.decision.reason);
      else await this.reports.reject(decider, report.id, spec.decision.reason);
    }
  }
}

export { demoClientId };

/** Eight fixes a few minutes apart, closing in on the end point from the south-west. */
/** A demo team's recorded track: eight hours of patrol, a position every ten minutes, ending where the team is. */
export const DEMO_TRACK_POINTS = 49;
const DEMO_TRACK_STEP_MINUTES = 10;

/**
 * Loops of about two hours around the team's final place, so that replaying the demo over its
 * story shows every team moving (and the live view its short trail).
 */
function approachTrack(end: { lat: number; lon: number; minutesAgo: number }): PositionInput[] {
  return Array.from({ length: DEMO_TRACK_POINTS }, (_, i) => {
    const stepsLeft = DEMO_TRACK_POINTS - 1 - i;
    const angle = (stepsLeft * 2 * Math.PI) / 12;
    return {
      lat: round(end.lat - 0.008 * Math.sin(angle)),
      lon: round(end.lon - 0.012 * (1 - Math.cos(angle))),
      heading: null,
      speed: stepsLeft === 0 ? 0 : 1.4,
      accuracy: 8,
      at: new Date(Date.now() - (end.minutesAgo + stepsLeft * DEMO_TRACK_STEP_MINUTES) * 60_000).toISOString(),
    };
  });
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
