import type { CommonTexts } from '../../catalogue-types';
import { texts as taskingCommon } from './tasking-common';
import type { CommonKey } from '../../catalog-common-en';

/** Filipino: the texts both pages show (English: catalog-common-en.ts). */
export const texts: CommonTexts = {
  'map.label': 'Mapa ng operasyon',
  'age.seconds': '{n} seg',
  'age.minutes': '{n} min',
  'age.hours': '{n} oras',
  'age.days': '{n} araw',

  'enum.operationStatus.planned': 'Nakaplano',
  'enum.operationStatus.active': 'Aktibo',
  'enum.operationStatus.suspended': 'Suspendido',
  'enum.operationStatus.closed': 'Sarado',
  'enum.operationRole.lead': 'Nangunguna',
  'enum.operationRole.participant': 'Kalahok',
  'enum.operationRole.observer': 'Tagamasid',
  'enum.userRole.admin': 'Administrator',
  'enum.userRole.commander': 'Komandante',
  'enum.userRole.field': 'Opisyal sa field',
  'enum.userRole.liaison': 'Tagapag-ugnay',
  'enum.reportKind.interception': 'Pagharang',
  'enum.reportKind.sitrep': 'Ulat ng sitwasyon',
  'enum.reportKind.alert': 'Alerto',
  'enum.reportStatus.reported': 'Naiulat',
  'enum.reportStatus.verified': 'Napatunayan',
  'enum.reportStatus.rejected': 'Tinanggihan',
  'enum.teamStatus.on_station': 'Nasa puwesto',
  'enum.teamStatus.en_route': 'Papunta',
  'enum.teamStatus.engaged': 'Nasa aksiyon',
  'enum.teamStatus.returning': 'Pabalik',
  'enum.teamStatus.off_duty': 'Wala sa duty',
  'enum.siteKind.land': 'Tawiran sa lupa',
  'enum.siteKind.river': 'Tawiran sa ilog',
  'enum.siteKind.sea': 'Daungan',
  'enum.siteKind.air': 'Paliparan',
  'enum.interceptionKind.smuggling': 'Pagpupuslit ng tao',
  'enum.interceptionKind.trafficking': 'Pangangalakal ng tao',
  'enum.interceptionKind.fraudulent_documents': 'Pekeng dokumento',
  'enum.interceptionKind.seizure': 'Pagkumpiska',
  'enum.interceptionKind.other': 'Iba pa',
};

/** Everything both pages show: the field page's and the operations room's catalogues include it. */
export const common: Readonly<Record<CommonKey, string>> = { ...texts, ...taskingCommon };
