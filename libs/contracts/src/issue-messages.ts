/**
 * The contracts' own validation messages (the ones zod does not make), each under a name. The API
 * answers the English (an issue's `message`); a client that shows a message to a person looks the
 * name up (`namedIssue`) and shows its own translation. A message with a figure in it is a
 * template (`{ring}`): the schema fills it in (`issueMessage`), and `namedIssue` reads the figures
 * back out of the English, so a translation says them too.
 *
 * A message that only restates a zod check with its figure (`.max(2000)`: "must be at most 2,000
 * characters") needs no name: clients say it by its code and figures (the API's 400 carries them).
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
  // the operations room's forms: administration, planning, set-password
  uuid: 'must be a UUID',
  not_empty: 'must not be empty',
  name_too_long: 'must be at most 120 characters',
  narrative_too_long: 'must be at most 10,000 characters',
  email: 'must be an e-mail address',
  agency_code: 'must be 2–16 capital letters, digits or dashes',
  country_code: 'must be an ISO 3166-1 alpha-2 code',
  site_code: 'must be a lower-case slug',
  password_too_short: 'must be at least 12 characters',
  link_incomplete: 'the link is incomplete',
  operation_code: 'must be 3–32 capital letters, digits or dashes',
  time_zone: 'must be an IANA time zone, e.g. Asia/Bangkok',
  ends_after_starts: 'endsAt must be after startsAt',
  latitude_min: 'latitude must be ≥ -90',
  latitude_max: 'latitude must be ≤ 90',
  longitude_min: 'longitude must be ≥ -180',
  longitude_max: 'longitude must be ≤ 180',
  // areas (polygons)
  ring_too_short: 'a ring needs at least 4 positions',
  polygon_needs_outer_ring: 'a polygon needs an outer ring',
  ring_not_closed: 'ring is not closed: its first and last positions differ',
  ring_few_distinct: 'ring needs at least 3 distinct positions',
  polygon_too_intricate: 'polygon is too intricate to check (many long edges side by side): simplify it',
  ring_crosses_itself: 'ring crosses itself',
  ring_no_area: 'ring encloses no area',
  hole_outside: 'hole lies outside the outer ring',
  ring_crosses_ring: 'ring crosses or touches ring {ring}',
  hole_inside_hole: 'hole lies inside hole {hole}',
  ring_too_many_positions: 'a ring may have at most {maximum} positions',
  polygon_too_many_rings: 'a polygon may have at most {maximum} rings',
  polygon_too_many_positions: 'a polygon may have at most {maximum} positions (this one has {count})',
  // tasking, threads, teams, TAK devices, document checks
  not_negative: 'must not be negative',
  transition_needs_reason: '{state} needs a reason',
  rejection_needs_reason: 'a rejection needs a reason',
  message_needs_text: 'a message needs text',
  task_area_too_short: 'an area needs at least 3 positions',
  call_sign: 'must be 2–32 letters, digits, spaces or dashes',
  device_uid_required: 'a device uid is required',
  cot_uid: 'a CoT uid is letters, digits and . _ : @ { } -',
  iso_date: 'must be a date YYYY-MM-DD',
} as const;
export type IssueMessageName = keyof typeof ISSUE_MESSAGES;
export const ISSUE_MESSAGE_NAMES = Object.keys(ISSUE_MESSAGES) as IssueMessageName[];

/** The figures of a templated message (`{ring}` → 1): numbers as numbers, words as they are. */
export type IssueMessageParams = Readonly<Record<string, string | number>>;

/** The English of a named message, its template filled in (numbers as the schema's constants are written). */
export function issueMessage(name: IssueMessageName, params: IssueMessageParams = {}): string {
  return ISSUE_MESSAGES[name].replace(/\{(\w+)\}/g, (match, key: string) => (key in params ? String(params[key]) : match));
}

/** Each template as a pattern that matches its English and captures its figures, in the order of its placeholders. */
const PATTERNS = ISSUE_MESSAGE_NAMES.map((name) => {
  const template: string = ISSUE_MESSAGES[name];
  const keys = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
  const source = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.+?)');
  return { name, keys, pattern: new RegExp(`^${source}$`) };
});

/**
 * Which of the messages above `message` is, with the figures its template was filled with; null
 * when it is none of them (then it is zod's, or another's).
 */
export function namedIssue(message: string): { name: IssueMessageName; params: IssueMessageParams } | null {
  for (const { name, keys, pattern } of PATTERNS) {
    const match = pattern.exec(message);
    if (!match) continue;
    const params: Record<string, string | number> = {};
    keys.forEach((key, index) => {
      const value = match[index + 1];
      params[key] = /^-?\d[\d,]*(\.\d+)?$/.test(value) ? Number(value.replace(/,/g, '')) : value;
    });
    return { name, params };
  }
  return null;
}

/** The name of one of the messages above, or null (then the message is zod's or another's). */
export function issueMessageName(message: string): IssueMessageName | null {
  return namedIssue(message)?.name ?? null;
}
