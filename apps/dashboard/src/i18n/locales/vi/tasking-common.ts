import type { TaskingCommonTexts } from '../../catalogue-types';

/** Vietnamese: the texts of tasks and requests both pages show (English: catalog-tasking-common-en.ts). */
export const texts: TaskingCommonTexts = {
  'enum.taskKind.move_to': 'Di chuyển đến',
  'enum.taskKind.hold': 'Giữ vị trí',
  'enum.taskKind.patrol': 'Tuần tra khu vực',
  'enum.taskKind.intercept': 'Ngăn chặn',
  'enum.taskKind.check_documents': 'Kiểm tra giấy tờ',
  'enum.taskKind.other': 'Khác',
  'enum.taskState.assigned': 'Đã giao',
  'enum.taskState.acknowledged': 'Đã xác nhận',
  'enum.taskState.in_progress': 'Đang thực hiện',
  'enum.taskState.done': 'Hoàn thành',
  'enum.taskState.unable': 'Không thể thực hiện',
  'enum.taskState.cancelled': 'Đã hủy',
  'enum.requestKind.assist': 'Hỗ trợ',
  'enum.requestKind.intercept': 'Ngăn chặn',
  'enum.requestKind.take_over_case': 'Tiếp nhận vụ việc',
  'enum.requestKind.share_information': 'Chia sẻ thông tin',
  'enum.requestState.open': 'Đang mở',
  'enum.requestState.accepted': 'Đã chấp nhận',
  'enum.requestState.declined': 'Đã từ chối',
  'enum.requestState.cancelled': 'Đã hủy',
  'enum.requestState.completed': 'Đã hoàn tất',
  'tasking.overdue': 'Quá hạn',
};
