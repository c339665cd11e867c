import { isCommanding, type Actor } from './actor';

/** Importing an agency's stolen and lost documents list: an administrator, or a commander of that agency. */
export function mayImportDocumentList(actor: Pick<Actor, 'role' | 'agencyId'>, listAgencyId: string): boolean {
  return actor.role === 'admin' || (actor.role === 'commander' && actor.agencyId === listAgencyId);
}

/**
 * Recording the outcome of a potential hit (confirmed or false positive, after asking the issuing
 * country): a commander (or admin) of the checking agency or of the operation's lead agency —
 * the ones the hit's alert is addressed to.
 */
export function mayRecordCheckOutcome(actor: Pick<Actor, 'role' | 'agencyId'>, check: { checkingAgencyId: string; leadAgencyId: string }): boolean {
  return isCommanding(actor) && (actor.agencyId === check.checkingAgencyId || actor.agencyId === check.leadAgencyId);
}
