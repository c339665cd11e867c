import type { TaskingCommonTexts } from '../../catalogue-types';

/** Thai: the texts of tasks and requests both pages show (English: catalog-tasking-common-en.ts). */
export const texts: TaskingCommonTexts = {
  'enum.taskKind.move_to': 'เคลื่อนที่ไปยัง',
  'enum.taskKind.hold': 'ประจำที่',
  'enum.taskKind.patrol': 'ลาดตระเวนพื้นที่',
  'enum.taskKind.intercept': 'สกัดกั้น',
  'enum.taskKind.check_documents': 'ตรวจเอกสาร',
  'enum.taskKind.other': 'อื่น ๆ',
  'enum.taskState.assigned': 'มอบหมายแล้ว',
  'enum.taskState.acknowledged': 'รับทราบแล้ว',
  'enum.taskState.in_progress': 'กำลังดำเนินการ',
  'enum.taskState.done': 'เสร็จแล้ว',
  'enum.taskState.unable': 'ทำไม่ได้',
  'enum.taskState.cancelled': 'ยกเลิกแล้ว',
  'enum.requestKind.assist': 'ขอความช่วยเหลือ',
  'enum.requestKind.intercept': 'สกัดกั้น',
  'enum.requestKind.take_over_case': 'รับช่วงคดี',
  'enum.requestKind.share_information': 'แบ่งปันข้อมูล',
  'enum.requestState.open': 'เปิดอยู่',
  'enum.requestState.accepted': 'ตอบรับแล้ว',
  'enum.requestState.declined': 'ปฏิเสธแล้ว',
  'enum.requestState.cancelled': 'ยกเลิกแล้ว',
  'enum.requestState.completed': 'เสร็จสิ้นแล้ว',
  'tasking.overdue': 'เกินกำหนด',
};
