import { Injectable } from '@nestjs/common';
import {
  judgeRecipients,
  mayManageOperation,
  postForTeamRefusal,
  writeRefusal,
  type Marking,
  type OperationRole,
  type OperationStatus,
  type TeamStanding,
  type Viewer,
} from '@lintas/contracts';
import type { EntityManager } from 'typeorm';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../common/app-error';
import type { AuthUser } from '../auth/auth-user';
import { AccessRepository, type MembershipRow, type TeamStandingRow } from './access.repository';

/** What every authorization decision about one operation needs to know. */
export interface OperationAccess {
  operationId: string;
  status: OperationStatus;
  exercise: boolean;
  leadAgencyId: string;
  /** The caller's agency's role in the operation. */
  role: OperationRole;
  /** The caller as the handling-marking rule sees it. */
  viewer: Viewer;
}

/** A team of the operation as a writer's checks see it: a marked item, and the team rules' standing. */
export interface TeamForWriter extends TeamStanding {
  id: string;
  operationId: string;
  /** The team's agency originates the team and its positions (the marking rule's view). */
  originAgencyId: string;
  marking: Marking;
  recipientAgencyIds: string[];
}

/** `readWriterContext`'s answer: the access, and what the write's references turned out to be. */
export interface WriterContext {
  access: OperationAccess;
  /** The named team; null when none was named or it is not in the operation. */
  team: TeamForWriter | null;
  teamSite: { siteId: string | null; lat: number | null; lon: number | null };
  /** The named site exists (true when none was named). */
  siteKnown: boolean;
  /** Of the named recipient agencies, those taking part in the operation. */
  participating: string[];
}

function operationAccessOf(user: AuthUser, row: MembershipRow): OperationAccess {
  return {
    operationId: row.id,
    status: row.status,
    exercise: row.exercise,
    leadAgencyId: row.lead_agency_id,
    role: row.role,
    viewer: { agencyId: user.agencyId, operationRole: row.role },
  };
}

function teamForWriterOf(row: TeamStandingRow): TeamForWriter {
  return {
    id: row.id,
    operationId: row.operation_id,
    agencyId: row.agency_id,
    originAgencyId: row.agency_id,
    marking: row.marking,
    recipientAgencyIds: row.recipient_agency_ids,
    isMember: row.is_member,
  };
}

const WRITE_REFUSALS = {
  observer_read_only: () => forbidden('observer_read_only', 'Observing agencies cannot write into this operation'),
  liaison_read_only: () => forbidden('liaison_read_only', 'Liaison accounts are read-only'),
  operation_closed: () => conflict('operation_closed', 'The operation is closed; it accepts no more changes'),
} as const;

/**
 * Access to operations, REST and socket alike: membership (an operation the caller's agency does
 * not take part in answers 404, exactly like one that does not exist), who may write and manage,
 * and the look-ups a write's references need (team in the operation, site, TLP:RED recipients).
 * The rules themselves are the predicates of libs/contracts (`policy/`); this service applies
 * them to what the repository reads and turns a refusal into its error.
 */
@Injectable()
export class AccessService {
  constructor(private readonly repository: AccessRepository) {}

  async require(user: AuthUser, operationId: string, manager?: EntityManager): Promise<OperationAccess> {
    const row = await this.repository.membership(operationId, user.agencyId, manager);
    if (!row) throw notFound('Operation');
    return operationAccessOf(user, row);
  }

  /**
   * `require`, `teamInOperation`, `siteExists` and `participatingAgencies` for the references a write
   * names, in one round trip (`teamSite`: the named team's site and its place). The writer's checks
   * are still the caller's to apply, in its order.
   */
  async readWriterContext(
    user: AuthUser,
    operationId: string,
    refs: { teamId: string | null; siteId?: string | null; recipientAgencyIds?: readonly string[] },
    manager?: EntityManager,
  ): Promise<WriterContext> {
    const row = await this.repository.writerContext(operationId, user.agencyId, user.id, { teamId: refs.teamId, siteId: refs.siteId ?? null, agencyIds: refs.recipientAgencyIds ?? [] }, manager);
    if (!row) throw notFound('Operation');
    const team: TeamForWriter | null =
      row.team_id === null
        ? null
        : teamForWriterOf({
            id: row.team_id,
            operation_id: row.id,
            agency_id: row.team_agency_id as string,
            marking: row.team_marking as Marking,
            recipient_agency_ids: row.team_recipient_agency_ids ?? [],
            is_member: row.team_is_member,
          });
    return {
      access: operationAccessOf(user, row),
      team,
      teamSite: { siteId: row.team_site_id, lat: row.team_site_lat, lon: row.team_site_lon },
      siteKnown: row.site_known,
      participating: row.participating,
    };
  }

  /** Only commanders (and admins) of the lead agency change an operation. */
  async requireLeadCommander(user: AuthUser, operationId: string, manager?: EntityManager): Promise<OperationAccess> {
    const access = await this.require(user, operationId, manager);
    if (!mayManageOperation(user, access)) throw forbidden('lead_commander_required', 'Only a commander of the lead agency may change this operation');
    return access;
  }

  /** Writing into an operation (reports, teams, positions) needs it open and the agency not an observer. */
  async requireWriter(user: AuthUser, operationId: string, manager?: EntityManager): Promise<OperationAccess> {
    return this.assertWriter(user, await this.require(user, operationId, manager));
  }

  /** `requireWriter`'s checks on access already read (no second query in the same transaction). */
  assertWriter(user: AuthUser, access: OperationAccess): OperationAccess {
    const refusal = writeRefusal(user, access);
    if (refusal) throw WRITE_REFUSALS[refusal]();
    return access;
  }

  /** The team if it belongs to the operation, with whether the user is one of its members. */
  async teamInOperation(user: AuthUser, operationId: string, teamId: string, manager?: EntityManager): Promise<TeamForWriter | null> {
    const row = await this.repository.teamInOperation(teamId, operationId, user.id, manager);
    return row ? teamForWriterOf(row) : null;
  }

  /**
   * Throws unless the user may post (a report, a position) for the team it names (`teamId`; null:
   * none). `team` is the team as `teamInOperation` found it: null when it is not in the operation,
   * which no one may post for.
   */
  assertMayPostForTeam(user: AuthUser, teamId: string | null, team: TeamStanding | null): void {
    const standing = teamId === null ? null : (team ?? { agencyId: '', isMember: false });
    const refusal = postForTeamRefusal(user, standing);
    if (refusal === 'team_required') throw forbidden(refusal, 'A field officer posts for its team: teamId is required');
    if (refusal === 'team_member_required') throw forbidden(refusal, 'A field officer posts only for a team of its agency that it is a member of');
    if (refusal === 'own_agency_team_required') throw forbidden(refusal, "Only your own agency's teams in this operation may be posted for");
  }

  async siteExists(siteId: string, manager?: EntityManager): Promise<boolean> {
    return this.repository.siteExists(siteId, manager);
  }

  async assertSiteExists(siteId: string, manager?: EntityManager): Promise<void> {
    if (!(await this.repository.siteExists(siteId, manager))) throw unknownSite(siteId);
  }

  /** The agencies of `agencyIds` that take part in the operation (one query; none asked, none read). */
  async participatingAgencies(operationId: string, agencyIds: readonly string[], manager?: EntityManager): Promise<string[]> {
    return agencyIds.length === 0 ? [] : this.repository.participatingAgencies(operationId, agencyIds, manager);
  }

  /** TLP:RED recipients, checked (named only for TLP:RED, taking part in the operation) and without duplicates. */
  async checkRecipients(operationId: string, marking: Marking, recipientAgencyIds: readonly string[], manager?: EntityManager): Promise<string[]> {
    return recipientsOrThrow(marking, recipientAgencyIds, await this.participatingAgencies(operationId, recipientAgencyIds, manager));
  }

  /** Team members must be enabled accounts of the team's agency. */
  async assertTeamMembers(agencyId: string, userIds: readonly string[], manager?: EntityManager): Promise<void> {
    if (userIds.length === 0) return;
    const known = new Set(await this.repository.enabledUsersOfAgency(agencyId, userIds, manager));
    const strangers = userIds.filter((id) => !known.has(id));
    if (strangers.length) throw badRequest('invalid_members', `memberUserIds: not enabled users of the team's agency: ${strangers.join(', ')}`);
  }
}

/** `judgeRecipients` of libs/contracts, its refusal thrown. */
export function recipientsOrThrow(marking: Marking, recipientAgencyIds: readonly string[], participatingAgencyIds: readonly string[]): string[] {
  const verdict = judgeRecipients(marking, recipientAgencyIds, participatingAgencyIds);
  if (verdict.ok) return verdict.recipients;
  if (verdict.code === 'recipients_only_for_red') throw badRequest(verdict.code, 'recipientAgencyIds: recipients are named only for TLP:RED');
  throw badRequest(verdict.code, `recipientAgencyIds: not taking part in the operation: ${verdict.strangers.join(', ')}`);
}

export function unknownSite(siteId: string): AppError {
  return badRequest('unknown_site', `siteId: no site ${siteId}`);
}
