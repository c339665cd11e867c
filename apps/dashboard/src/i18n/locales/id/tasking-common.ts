import type { TaskingCommonTexts } from '../../catalogue-types';

/** Bahasa Indonesia: the texts of tasks and requests both pages show (English: catalog-tasking-common-en.ts). */
export const texts: TaskingCommonTexts = {
  'enum.taskKind.move_to': 'Bergerak ke',
  'enum.taskKind.hold': 'Bertahan',
  'enum.taskKind.patrol': 'Patroli wilayah',
  'enum.taskKind.intercept': 'Cegat',
  'enum.taskKind.check_documents': 'Periksa dokumen',
  'enum.taskKind.other': 'Lainnya',
  'enum.taskState.assigned': 'Ditugaskan',
  'enum.taskState.acknowledged': 'Dikonfirmasi',
  'enum.taskState.in_progress': 'Sedang dikerjakan',
  'enum.taskState.done': 'Selesai',
  'enum.taskState.unable': 'Tidak dapat dilaksanakan',
  'enum.taskState.cancelled': 'Dibatalkan',
  'enum.requestKind.assist': 'Bantuan',
  'enum.requestKind.intercept': 'Pencegatan',
  'enum.requestKind.take_over_case': 'Ambil alih kasus',
  'enum.requestKind.share_information': 'Berbagi informasi',
  'enum.requestState.open': 'Terbuka',
  'enum.requestState.accepted': 'Diterima',
  'enum.requestState.declined': 'Ditolak',
  'enum.requestState.cancelled': 'Dibatalkan',
  'enum.requestState.completed': 'Selesai',
  'tasking.overdue': 'Terlambat',
};
