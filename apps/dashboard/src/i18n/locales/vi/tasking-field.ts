import type { TaskingFieldTexts } from '../../catalogue-types';

/** Vietnamese: the field page's texts for tasks (English: catalog-tasking-field-en.ts). */
export const texts: TaskingFieldTexts = {
  'tab.tasks': 'Nhiệm vụ',
  'outbox.task': 'Nhiệm vụ {title}: {state}',
  'outbox.message': 'Tin nhắn về nhiệm vụ {title}',
  'thread.title': 'Tin nhắn',
  'thread.placeholder': 'Viết tin nhắn…',
  'thread.send': 'Gửi',
  'thread.waiting': 'đang chờ gửi',
  'tasks.none': 'Tổ của bạn không có nhiệm vụ nào.',
  'tasks.acknowledge': 'Xác nhận',
  'tasks.start': 'Bắt đầu',
  'tasks.done': 'Hoàn thành',
  'tasks.unable': 'Không thể',
  'tasks.unableReason': 'Vì sao tổ không thể thực hiện?',
  'tasks.pending': 'Đang chờ gửi',
  'tasks.ackBy': 'Xác nhận trước {time}',
  'tasks.due': 'Hạn {time}',
  'tasks.target': 'Mục tiêu: {lat}, {lon}',
  'tasks.live': 'Trực tiếp',
  'tasks.offline': 'Không trực tiếp: hiển thị các nhiệm vụ đọc lần gần nhất',
};
