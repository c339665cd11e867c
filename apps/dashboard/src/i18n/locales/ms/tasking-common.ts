import type { TaskingCommonTexts } from '../../catalogue-types';

/** Bahasa Melayu: the texts of tasks and requests both pages show (English: catalog-tasking-common-en.ts). */
export const texts: TaskingCommonTexts = {
  'enum.taskKind.move_to': 'Bergerak ke',
  'enum.taskKind.hold': 'Bertahan',
  'enum.taskKind.patrol': 'Rondaan kawasan',
  'enum.taskKind.intercept': 'Pintas',
  'enum.taskKind.check_documents': 'Periksa dokumen',
  'enum.taskKind.other': 'Lain-lain',
  'enum.taskState.assigned': 'Ditugaskan',
  'enum.taskState.acknowledged': 'Diakui',
  'enum.taskState.in_progress': 'Sedang dijalankan',
  'enum.taskState.done': 'Selesai',
  'enum.taskState.unable': 'Tidak dapat dilaksanakan',
  'enum.taskState.cancelled': 'Dibatalkan',
  'enum.requestKind.assist': 'Bantuan',
  'enum.requestKind.intercept': 'Pintasan',
  'enum.requestKind.take_over_case': 'Ambil alih kes',
  'enum.requestKind.share_information': 'Kongsi maklumat',
  'enum.requestState.open': 'Terbuka',
  'enum.requestState.accepted': 'Diterima',
  'enum.requestState.declined': 'Ditolak',
  'enum.requestState.cancelled': 'Dibatalkan',
  'enum.requestState.completed': 'Selesai',
  'tasking.overdue': 'Lewat tempoh',
};
