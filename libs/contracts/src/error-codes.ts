/**
 * Every error code the API answers, one per situation, with its default English message. The API
 * throws only these (`AppError` accepts nothing else); the dashboard and the field page translate
 * them through their catalogues and fall back to the server's message, which may carry details
 * (an id, a version) that the default message leaves out.
 */
export const ERROR_MESSAGES = {
  // Input
  validation_failed: 'Some fields are not valid',
  malformed_json: 'The request body is not valid JSON',
  payload_too_large: 'The request is too large',
  unsupported_media_type: 'The request body must be JSON',
  invalid_id: 'The id is not a valid UUID',
  invalid_cursor: 'The page cursor is not one this server gave out; start again from the first page',
  invalid_period: 'The end must be after the start',
  lat_lon_together: 'Latitude and longitude go together: give both or neither',
  not_an_interception: 'Only an interception has counts',
  unknown_site: 'No border site has this id',
  invalid_tile: 'Tile coordinates must be whole numbers inside the grid of their zoom level (0–14)',
  invalid_members: 'Team members must be enabled users of the team’s agency',
  recipients_only_for_red: 'Recipients are named only for TLP:RED',
  recipient_not_in_operation: 'TLP:RED recipients must take part in the operation',
  document_list_header: 'The first line must be the header issuingCountry,documentType,documentNumber,status,source,reportedAt',
  document_list_rejected: 'Some rows of the list are not valid; the list in force is unchanged',
  csv_required: 'The request body must be CSV (Content-Type: text/csv)',
  unknown_team: 'No team of this operation has this id',
  marking_hides_from_addressee: 'The marking would hide this from the agency or team it is addressed to',
  marking_discloses_team: 'The marking would show the task to agencies that may not see its team',
  request_addressee_invalid: 'A request goes to another agency taking part in the operation (not an observer)',
  request_task_team_mismatch: 'The tasks of a request go to teams of the receiving agency, given by its commanders',
  set_password_link_invalid: 'This set-password link is not valid any more (expired, used or replaced); ask your administrator for a new one',
  // Who you are
  unauthorized: 'Sign in first',
  invalid_credentials: 'Invalid e-mail or password',
  cross_origin: 'Refused: the request came from another site',
  csrf_header_missing: 'Refused: a request that uses the sign-in cookie must come from the Lintas page',
  origin_missing: 'Refused: a request that uses the sign-in cookie must come from the Lintas page',
  login_throttled: 'Too many failed sign-ins; try again later',
  set_password_throttled: 'Too many attempts with set-password links; try again later',
  // What you may do
  role_required: 'Your role does not allow this',
  commander_required: 'Only a commander may do this',
  lead_commander_required: 'Only a commander of the lead agency may change this operation',
  observer_read_only: 'Observing agencies cannot write into this operation',
  liaison_read_only: 'Liaison accounts are read-only',
  team_required: 'A field officer posts for its team: choose the team',
  team_member_required: 'Only a member of this team may do this',
  own_agency_team_required: 'Only your own agency’s teams may be used for this',
  team_commander_required: 'Only a commander of the team’s agency may change this team',
  origin_commander_required: 'Only a commander of the originating agency may verify or reject this report',
  not_report_owner: 'Only the author or a commander of the originating agency may amend this report',
  list_import_not_allowed: 'Only an administrator or a commander of this agency may import its list',
  check_outcome_not_allowed: 'Only a commander of the checking agency or of the lead agency may record this outcome',
  lead_tasking_not_allowed: 'The team’s agency has not let the lead agency task its teams in this operation',
  task_team_required: 'Only the team’s members or a commander of its agency may report on this task',
  task_origin_commander_required: 'Only a commander of the agency that gave the task may cancel it',
  request_addressee_commander_required: 'Only a commander of the receiving agency may accept or decline this request',
  request_origin_commander_required: 'Only a commander of the requesting agency may cancel this request',
  request_party_commander_required: 'Only commanders of the two agencies of this request may do this',
  watched_area_origin_commander_required: 'Only a commander of the agency that marked this area may remove it',
  self_lockout: 'You cannot disable your own account or take away your own administrator role',
  // Existence
  not_found: 'Not found',
  basemap_not_configured: 'This server has no vector basemap archive (BASEMAP_PMTILES is not set)',
  // State
  operation_closed: 'The operation is closed; it accepts no more changes',
  invalid_transition: 'The operation cannot move to this status from its current one',
  report_not_reported: 'Only a report that is still “reported” can be verified or rejected',
  invalid_task_transition: 'The task cannot move to this state from its current one',
  invalid_request_transition: 'The request cannot move to this state from its current one',
  request_not_accepted: 'Only an accepted request can become tasks or carry a hand-over',
  handover_not_recorded: 'No hand-over has been recorded for this request yet',
  stale_version: 'Someone changed this in the meantime; reload and try again',
  already_participant: 'This agency already takes part in the operation',
  lead_cannot_leave: 'The lead agency cannot be removed from its operation',
  site_already_attached: 'This site is already one of the operation’s sites',
  site_retired: 'This border site is retired; it cannot be attached any more',
  agency_inactive: 'This agency is deactivated',
  agency_code_taken: 'An agency with this code already exists',
  operation_code_taken: 'An operation with this code already exists',
  site_code_taken: 'A site with this code already exists',
  call_sign_taken: 'This call sign is already used in the operation',
  device_bound_elsewhere: 'This TAK device is bound to another team; unbind it there first',
  email_taken: 'An account with this e-mail already exists',
  client_id_taken: 'This client id already identifies another report',
  client_id_in_flight: 'The same report is being stored by another request; retry',
  seq_ahead: 'The live feed is ahead of this view; reload the operation',
  superseded: 'A newer subscription replaced this one',
  role_changed: 'Your agency’s role in this operation changed',
  not_a_potential_hit: 'Only a potential hit has an outcome to record',
  outcome_already_recorded: 'The outcome of this check is already recorded',
  // Load and faults
  rate_limited: 'Too many requests; slow down and try again shortly',
  service_unavailable: 'The service is restarting or its database is unavailable; retry shortly',
  pdf_renderer_unavailable: 'The PDF renderer (headless Chromium) is not available on the server; ask the administrator to install it or set CHROMIUM_PATH',
  internal_error: 'Internal error; it has been logged',
  /** An HTTP error the framework raised itself (e.g. an unknown route's method). */
  http_error: 'The request could not be handled',
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}
