/** Enumerations shared by the API, the dashboard and the tools. Values are stored and sent as-is. */

export const AGENCY_KINDS = [
  'police',
  'immigration',
  'customs',
  'border_guard',
  'coast_guard',
  'international_organisation',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const USER_ROLES = ['admin', 'commander', 'field', 'liaison'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The part an agency plays in one operation. */
export const OPERATION_ROLES = ['lead', 'participant', 'observer'] as const;
export type OperationRole = (typeof OPERATION_ROLES)[number];

export const OPERATION_STATUSES = ['planned', 'active', 'suspended', 'closed'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/** Lifecycle: which status may follow which. A closed operation is final. */
export const OPERATION_TRANSITIONS: Readonly<Record<OperationStatus, readonly OperationStatus[]>> = {
  planned: ['active', 'closed'],
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: [],
};

export function canTransition(from: OperationStatus, to: OperationStatus): boolean {
  return OPERATION_TRANSITIONS[from].includes(to);
}

export const SITE_KINDS = ['land', 'river', 'sea', 'air'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const TEAM_STATUSES = ['on_station', 'en_route', 'engaged', 'returning', 'off_duty'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export const REPORT_KINDS = ['interception', 'sitrep', 'alert'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_STATUSES = ['reported', 'verified', 'rejected'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What an interception is about. */
export const INTERCEPTION_KINDS = [
  'smuggling',
  'trafficking',
  'fraudulent_documents',
  'seizure',
  'other',
] as const;
export type InterceptionKind = (typeof INTERCEPTION_KINDS)[number];

/** ISO 3166-1 alpha-2 codes of the ASEAN member states (Timor-Leste included). */
export const ASEAN_COUNTRIES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'] as const;

/** What a field alert is about: the choices of the field page's alert form. */
export const ALERT_KINDS = ['backup_needed', 'vehicle_of_interest', 'suspected_victims', 'other'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * The title an alert of each kind is stored with (English, the operation's working language): the
 * operations room reads the kind from the title, whatever the sender's screen language.
 */
export const ALERT_KIND_TITLES: Readonly<Record<AlertKind, string>> = {
  backup_needed: 'Backup needed',
  vehicle_of_interest: 'Vehicle or boat of interest',
  suspected_victims: 'Suspected victims',
  other: 'Alert',
};

/**
 * Tasks: an order from a commander to one team, with a deadline to acknowledge it (`tasks.ts`; the
 * state machine and who may move it: `policy/tasking-policy.ts`).
 */
export const TASK_KINDS = ['move_to', 'hold', 'patrol', 'intercept', 'check_documents', 'other'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATES = ['assigned', 'acknowledged', 'in_progress', 'done', 'unable', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** How long a team has to acknowledge a task when its author sets nothing else. */
export const DEFAULT_TASK_ACK_SECONDS = 5 * 60;

/**
 * Requests between agencies of one operation (`requests.ts`): what one agency asks another for,
 * and where the request stands.
 */
export const REQUEST_KINDS = ['assist', 'intercept', 'take_over_case', 'share_information'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATES = ['open', 'accepted', 'declined', 'cancelled', 'completed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** What a commander found after asking the issuing country. */
export const DOCUMENT_CHECK_OUTCOMES = ['confirmed', 'false_positive'] as const;
export type DocumentCheckOutcome = (typeof DOCUMENT_CHECK_OUTCOMES)[number];

/** Exports of an operation's picture (`exports.ts`): the formats. */
export const EXPORT_FORMATS = ['geojson', 'csv', 'kml', 'tak'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The map's layers an export can hold (the same names as the map's layer switches). */
export const EXPORT_LAYERS = ['area', 'sites', 'teams', 'trails', 'reports', 'alerts'] as const;
export type ExportLayer = (typeof EXPORT_LAYERS)[number];
