import type { TaskingFieldTexts } from '../../catalogue-types';

/** Bahasa Melayu: the field page's texts for tasks (English: catalog-tasking-field-en.ts). */
export const texts: TaskingFieldTexts = {
  'tab.tasks': 'Tu\u00ADgasan',
  'outbox.task': 'Tugasan {title}: {state}',
  'outbox.message': 'Mesej pada tugasan {title}',
  'thread.title': 'Mesej',
  'thread.placeholder': 'Tulis mesej…',
  'thread.send': 'Hantar',
  'thread.waiting': 'menunggu untuk dihantar',
  'tasks.none': 'Tiada tugasan untuk pasukan anda.',
  'tasks.acknowledge': 'Akui',
  'tasks.start': 'Mula',
  'tasks.done': 'Selesai',
  'tasks.unable': 'Tidak dapat',
  'tasks.unableReason': 'Mengapa pasukan tidak dapat melaksanakannya?',
  'tasks.pending': 'Menunggu untuk dihantar',
  'tasks.ackBy': 'Akui sebelum {time}',
  'tasks.due': 'Tarikh akhir {time}',
  'tasks.target': 'Sasaran: {lat}, {lon}',
  'tasks.live': 'Langsung',
  'tasks.offline': 'Tidak langsung: memaparkan tugasan yang terakhir dibaca',
};
