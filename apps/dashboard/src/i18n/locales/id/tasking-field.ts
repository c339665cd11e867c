import type { TaskingFieldTexts } from '../../catalogue-types';

/** Bahasa Indonesia: the field page's texts for tasks (English: catalog-tasking-field-en.ts). */
export const texts: TaskingFieldTexts = {
  'tab.tasks': 'Tugas',
  'outbox.task': 'Tugas {title}: {state}',
  'outbox.message': 'Pesan pada tugas {title}',
  'thread.title': 'Pesan',
  'thread.placeholder': 'Tulis pesan…',
  'thread.send': 'Kirim',
  'thread.waiting': 'menunggu dikirim',
  'tasks.none': 'Tidak ada tugas untuk tim Anda.',
  'tasks.acknowledge': 'Konfirmasi',
  'tasks.start': 'Mulai',
  'tasks.done': 'Selesai',
  'tasks.unable': 'Tidak bisa',
  'tasks.unableReason': 'Mengapa tim tidak dapat melaksanakannya?',
  'tasks.pending': 'Menunggu dikirim',
  'tasks.ackBy': 'Konfirmasi sebelum {time}',
  'tasks.due': 'Tenggat {time}',
  'tasks.target': 'Sasaran: {lat}, {lon}',
  'tasks.live': 'Langsung',
  'tasks.offline': 'Tidak langsung: menampilkan tugas yang terakhir dibaca',
};
