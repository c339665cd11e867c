import type { TaskingFieldTexts } from '../../catalogue-types';

/** Filipino: the field page's texts for tasks (English: catalog-tasking-field-en.ts). */
export const texts: TaskingFieldTexts = {
  'tab.tasks': 'Mga gawain',
  'outbox.task': 'Gawain {title}: {state}',
  'outbox.message': 'Mensahe sa gawaing {title}',
  'thread.title': 'Mga mensahe',
  'thread.placeholder': 'Sumulat ng mensahe…',
  'thread.send': 'Ipadala',
  'thread.waiting': 'naghihintay maipadala',
  'tasks.none': 'Walang gawain para sa iyong pangkat.',
  'tasks.acknowledge': 'Kilalanin',
  'tasks.start': 'Simulan',
  'tasks.done': 'Tapos na',
  'tasks.unable': 'Hindi kaya',
  'tasks.unableReason': 'Bakit hindi ito magagawa ng pangkat?',
  'tasks.pending': 'Naghihintay maipadala',
  'tasks.ackBy': 'Kilalanin bago mag-{time}',
  'tasks.due': 'Takdang oras: {time}',
  'tasks.target': 'Target: {lat}, {lon}',
  'tasks.live': 'Live',
  'tasks.offline': 'Hindi live: ipinapakita ang mga gawaing huling nabasa',
};
