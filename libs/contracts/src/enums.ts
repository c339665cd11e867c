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
