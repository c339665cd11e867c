import type { ReportStatus } from '../enums';
import { isCommanding, type Actor } from './actor';

export interface ReportStanding {
  originAgencyId: string;
  authorUserId: string;
  status: ReportStatus;
}

/**
 * Verifying or rejecting a report: a commander (or admin) of the originating agency. Whether the
 * report is still 'reported' is a separate check (a conflict, not a refusal): `isAwaitingVerdict`.
 */
export function mayDecideReport(actor: Pick<Actor, 'role' | 'agencyId'>, report: Pick<ReportStanding, 'originAgencyId'>): boolean {
  return isCommanding(actor) && actor.agencyId === report.originAgencyId;
}

export function isAwaitingVerdict(report: Pick<ReportStanding, 'status'>): boolean {
  return report.status === 'reported';
}

/** Amending a report: its author, or a commander (or admin) of the originating agency. */
export function mayAmendReport(actor: Actor, report: Pick<ReportStanding, 'originAgencyId' | 'authorUserId'>): boolean {
  return report.authorUserId === actor.id || (isCommanding(actor) && actor.agencyId === report.originAgencyId);
}
