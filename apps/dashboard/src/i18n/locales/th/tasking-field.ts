import type { TaskingFieldTexts } from '../../catalogue-types';

/** Thai: the field page's texts for tasks (English: catalog-tasking-field-en.ts). */
export const texts: TaskingFieldTexts = {
  'tab.tasks': 'ภารกิจ',
  'outbox.task': 'ภารกิจ {title}: {state}',
  'outbox.message': 'ข้อความในภารกิจ {title}',
  'thread.title': 'ข้อความ',
  'thread.placeholder': 'เขียนข้อความ…',
  'thread.send': 'ส่ง',
  'thread.waiting': 'รอส่ง',
  'tasks.none': 'ไม่มีภารกิจสำหรับทีมของคุณ',
  'tasks.acknowledge': 'รับทราบ',
  'tasks.start': 'เริ่ม',
  'tasks.done': 'เสร็จแล้ว',
  'tasks.unable': 'ทำไม่ได้',
  'tasks.unableReason': 'เหตุใดทีมจึงทำไม่ได้',
  'tasks.pending': 'รอส่ง',
  'tasks.ackBy': 'รับทราบภายใน {time}',
  'tasks.due': 'กำหนดเสร็จ {time}',
  'tasks.target': 'เป้าหมาย: {lat}, {lon}',
  'tasks.live': 'สด',
  'tasks.offline': 'ไม่ใช่ข้อมูลสด: แสดงภารกิจที่อ่านครั้งล่าสุด',
};
