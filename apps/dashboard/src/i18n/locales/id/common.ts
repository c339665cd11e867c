import type { CommonTexts } from '../../catalogue-types';
import { texts as taskingCommon } from './tasking-common';
import type { CommonKey } from '../../catalog-common-en';

/** Bahasa Indonesia: the texts both pages show (English: catalog-common-en.ts). */
export const texts: CommonTexts = {
  'map.label': 'Peta operasi',
  'age.seconds': '{n} dtk',
  'age.minutes': '{n} mnt',
  'age.hours': '{n} jam',
  'age.days': '{n} hr',

  'enum.operationStatus.planned': 'Direncanakan',
  'enum.operationStatus.active': 'Aktif',
  'enum.operationStatus.suspended': 'Ditangguhkan',
  'enum.operationStatus.closed': 'Ditutup',
  'enum.operationRole.lead': 'Pemimpin',
  'enum.operationRole.participant': 'Peserta',
  'enum.operationRole.observer': 'Pengamat',
  'enum.userRole.admin': 'Administrator',
  'enum.userRole.commander': 'Komandan',
  'enum.userRole.field': 'Petugas lapangan',
  'enum.userRole.liaison': 'Petugas penghubung',
  'enum.reportKind.interception': 'Intersepsi',
  'enum.reportKind.sitrep': 'Laporan situasi',
  'enum.reportKind.alert': 'Peringatan',
  'enum.reportStatus.reported': 'Dilaporkan',
  'enum.reportStatus.verified': 'Terverifikasi',
  'enum.reportStatus.rejected': 'Ditolak',
  'enum.teamStatus.on_station': 'Di pos',
  'enum.teamStatus.en_route': 'Dalam perjalanan',
  'enum.teamStatus.engaged': 'Sedang bertindak',
  'enum.teamStatus.returning': 'Kembali',
  'enum.teamStatus.off_duty': 'Lepas dinas',
  'enum.siteKind.land': 'Pos lintas batas darat',
  'enum.siteKind.river': 'Penyeberangan sungai',
  'enum.siteKind.sea': 'Pelabuhan laut',
  'enum.siteKind.air': 'Bandar udara',
  'enum.interceptionKind.smuggling': 'Penyelundupan',
  'enum.interceptionKind.trafficking': 'Perdagangan orang',
  'enum.interceptionKind.fraudulent_documents': 'Dokumen palsu',
  'enum.interceptionKind.seizure': 'Penyitaan',
  'enum.interceptionKind.other': 'Lainnya',
};

/** Everything both pages show: the field page's and the operations room's catalogues include it. */
export const common: Readonly<Record<CommonKey, string>> = { ...texts, ...taskingCommon };
