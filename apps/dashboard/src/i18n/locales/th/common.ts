import type { CommonTexts } from '../../catalogue-types';
import { texts as taskingCommon } from './tasking-common';
import type { CommonKey } from '../../catalog-common-en';

/** Thai: the texts both pages show (English: catalog-common-en.ts). */
export const texts: CommonTexts = {
  'map.label': 'แผนที่ปฏิบัติการ',
  'age.seconds': '{n} วินาที',
  'age.minutes': '{n} นาที',
  'age.hours': '{n} ชม.',
  'age.days': '{n} วัน',

  'enum.operationStatus.planned': 'วางแผนไว้',
  'enum.operationStatus.active': 'ดำเนินการอยู่',
  'enum.operationStatus.suspended': 'ระงับชั่วคราว',
  'enum.operationStatus.closed': 'ปิดแล้ว',
  'enum.operationRole.lead': 'หน่วยนำ',
  'enum.operationRole.participant': 'หน่วยร่วม',
  'enum.operationRole.observer': 'ผู้สังเกตการณ์',
  'enum.userRole.admin': 'ผู้ดูแลระบบ',
  'enum.userRole.commander': 'ผู้บังคับบัญชา',
  'enum.userRole.field': 'เจ้าหน้าที่ภาคสนาม',
  'enum.userRole.liaison': 'เจ้าหน้าที่ประสานงาน',
  'enum.reportKind.interception': 'การสกัดกั้น',
  'enum.reportKind.sitrep': 'รายงานสถานการณ์',
  'enum.reportKind.alert': 'การแจ้งเตือน',
  'enum.reportStatus.reported': 'รายงานแล้ว',
  'enum.reportStatus.verified': 'ยืนยันแล้ว',
  'enum.reportStatus.rejected': 'ปฏิเสธแล้ว',
  'enum.teamStatus.on_station': 'ประจำจุด',
  'enum.teamStatus.en_route': 'กำลังเดินทาง',
  'enum.teamStatus.engaged': 'กำลังปฏิบัติการ',
  'enum.teamStatus.returning': 'กำลังกลับ',
  'enum.teamStatus.off_duty': 'นอกเวร',
  'enum.siteKind.land': 'ด่านพรมแดนทางบก',
  'enum.siteKind.river': 'จุดผ่านแดนทางแม่น้ำ',
  'enum.siteKind.sea': 'ท่าเรือ',
  'enum.siteKind.air': 'ท่าอากาศยาน',
  'enum.interceptionKind.smuggling': 'การลักลอบขนคน',
  'enum.interceptionKind.trafficking': 'การค้ามนุษย์',
  'enum.interceptionKind.fraudulent_documents': 'เอกสารปลอม',
  'enum.interceptionKind.seizure': 'การยึดของกลาง',
  'enum.interceptionKind.other': 'อื่น ๆ',
};

/** Everything both pages show: the field page's and the operations room's catalogues include it. */
export const common: Readonly<Record<CommonKey, string>> = { ...texts, ...taskingCommon };
