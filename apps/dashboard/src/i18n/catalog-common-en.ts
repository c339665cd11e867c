import { taskingCommonEn } from './catalog-tasking-common-en';

/**
 * English texts both pages show — the enum labels, ages, the map's name — in one catalogue that the
 * operations room's (catalog-en.ts) and the field page's (catalog-field-en.ts) both include, so the
 * field bundle carries these and its own texts, never the operations room's.
 */
export const commonEn = {
  ...taskingCommonEn,
  'map.label': 'Operations map',
  'age.seconds': '{n} s',
  'age.minutes': '{n} min',
  'age.hours': '{n} h',
  'age.days': '{n} d',

  // enums
  'enum.operationStatus.planned': 'Planned',
  'enum.operationStatus.active': 'Active',
  'enum.operationStatus.suspended': 'Suspended',
  'enum.operationStatus.closed': 'Closed',
  'enum.operationRole.lead': 'Lead',
  'enum.operationRole.participant': 'Participant',
  'enum.operationRole.observer': 'Observer',
  'enum.userRole.admin': 'Administrator',
  'enum.userRole.commander': 'Commander',
  'enum.userRole.field': 'Field officer',
  'enum.userRole.liaison': 'Liaison',
  'enum.reportKind.interception': 'Interception',
  'enum.reportKind.sitrep': 'Sitrep',
  'enum.reportKind.alert': 'Alert',
  'enum.reportStatus.reported': 'Reported',
  'enum.reportStatus.verified': 'Verified',
  'enum.reportStatus.rejected': 'Rejected',
  'enum.teamStatus.on_station': 'On station',
  'enum.teamStatus.en_route': 'En route',
  'enum.teamStatus.engaged': 'Engaged',
  'enum.teamStatus.returning': 'Returning',
  'enum.teamStatus.off_duty': 'Off duty',
  'enum.siteKind.land': 'Land crossing',
  'enum.siteKind.river': 'River crossing',
  'enum.siteKind.sea': 'Seaport',
  'enum.siteKind.air': 'Airport',
  'enum.interceptionKind.smuggling': 'Smuggling',
  'enum.interceptionKind.trafficking': 'Trafficking',
  'enum.interceptionKind.fraudulent_documents': 'Fraudulent documents',
  'enum.interceptionKind.seizure': 'Seizure',
  'enum.interceptionKind.other': 'Other',
} as const;

export type CommonKey = keyof typeof commonEn;
