import type { CommonTexts } from '../../catalogue-types';
import { texts as taskingCommon } from './tasking-common';
import type { CommonKey } from '../../catalog-common-en';

/** Bahasa Melayu: the texts both pages show (English: catalog-common-en.ts). */
export const texts: CommonTexts = {
  'map.label': 'Peta operasi',
  'age.seconds': '{n} saat',
  'age.minutes': '{n} min',
  'age.hours': '{n} jam',
  'age.days': '{n} hari',

  'enum.operationStatus.planned': 'Dirancang',
  'enum.operationStatus.active': 'Aktif',
  'enum.operationStatus.suspended': 'Digantung',
  'enum.operationStatus.closed': 'Ditutup',
  'enum.operationRole.lead': 'Peneraju',
  'enum.operationRole.participant': 'Peserta',
  'enum.operationRole.observer': 'Pemerhati',
  'enum.userRole.admin': 'Pentadbir',
  'enum.userRole.commander': 'Komander',
  'enum.userRole.field': 'Pegawai lapangan',
  'enum.userRole.liaison': 'Pegawai perhubungan',
  'enum.reportKind.interception': 'Pintasan',
  'enum.reportKind.sitrep': 'Laporan situasi',
  'enum.reportKind.alert': 'Amaran',
  'enum.reportStatus.reported': 'Dilaporkan',
  'enum.reportStatus.verified': 'Disahkan',
  'enum.reportStatus.rejected': 'Ditolak',
  'enum.teamStatus.on_station': 'Di pos',
  'enum.teamStatus.en_route': 'Dalam perjalanan',
  'enum.teamStatus.engaged': 'Sedang bertindak',
  'enum.teamStatus.returning': 'Pulang',
  'enum.teamStatus.off_duty': 'Tidak bertugas',
  'enum.siteKind.land': 'Lintasan darat',
  'enum.siteKind.river': 'Lintasan sungai',
  'enum.siteKind.sea': 'Pelabuhan',
  'enum.siteKind.air': 'Lapangan terbang',
  'enum.interceptionKind.smuggling': 'Penyeludupan',
  'enum.interceptionKind.trafficking': 'Pemerdagangan orang',
  'enum.interceptionKind.fraudulent_documents': 'Dokumen palsu',
  'enum.interceptionKind.seizure': 'Rampasan',
  'enum.interceptionKind.other': 'Lain-lain',
};

/** Everything both pages show: the field page's and the operations room's catalogues include it. */
export const common: Readonly<Record<CommonKey, string>> = { ...texts, ...taskingCommon };
