import type { Marking } from '../marking';

export type RecipientsRefusal =
  | { code: 'recipients_only_for_red' }
  | { code: 'recipient_not_in_operation'; strangers: string[] };

/** Recipients are named only for TLP:RED: the one rule the schemas (reports, teams, scenarios) and the API share. */
export function recipientsAllowed(marking: Marking, recipientAgencyIds: readonly string[]): boolean {
  return marking === 'TLP:RED' || recipientAgencyIds.length === 0;
}

/**
 * Checks the TLP:RED recipients of an item against the agencies taking part in its operation
 * (`participatingAgencyIds`: lead, participants, observers). Answers the recipients without
 * duplicates, or why they are refused.
 */
export function judgeRecipients(
  marking: Marking,
  recipientAgencyIds: readonly string[],
  participatingAgencyIds: readonly string[],
): { ok: true; recipients: string[] } | ({ ok: false } & RecipientsRefusal) {
  const recipients = [...new Set(recipientAgencyIds)];
  if (!recipientsAllowed(marking, recipients)) return { ok: false, code: 'recipients_only_for_red' };
  const taking = new Set(participatingAgencyIds);
  const strangers = recipients.filter((id) => !taking.has(id));
  if (strangers.length > 0) return { ok: false, code: 'recipient_not_in_operation', strangers };
  return { ok: true, recipients };
}
