/**
 * The contracts' own validation messages (the ones zod does not make), each under a name. The API
 * answers the English (an issue's `message`); a client that shows a message to a person looks the
 * name up (`issueMessageName`) and shows its own translation.
 */
export const ISSUE_MESSAGES = {
  iso_timestamp: 'must be an ISO 8601 time stamp',
  not_before_1900: 'must not be before 1900',
  not_in_future: 'must not be in the future',
  not_text: 'must be valid Unicode text without NUL characters',
  lat_lon_together: 'lat and lon go together',
  interception_needs_counts: 'an interception needs its counts',
  only_interception_counts: 'only an interception has counts',
  recipients_only_red: 'recipients are named only for TLP:RED',
  minors_exceed_persons: 'minors cannot exceed persons',
  victims_exceed_persons: 'presumed victims cannot exceed persons',
  nationality_codes: 'must be ISO 3166-1 alpha-2 codes',
  icao_country: 'must be an ICAO issuing country code, e.g. THA, KHM or D',
  document_number: 'must be 1–20 letters and digits',
} as const;
export type IssueMessageName = keyof typeof ISSUE_MESSAGES;
export const ISSUE_MESSAGE_NAMES = Object.keys(ISSUE_MESSAGES) as IssueMessageName[];

/** The name of one of the messages above, or null (then the message is zod's or another's). */
export function issueMessageName(message: string): IssueMessageName | null {
  return ISSUE_MESSAGE_NAMES.find((name) => ISSUE_MESSAGES[name] === message) ?? null;
}
